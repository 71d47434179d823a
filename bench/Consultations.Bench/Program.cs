using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Consultations.Bench.DomainBenchmarks).Assembly).Run(args);
