using Consultations.Tests.Processes;

[assembly: TestCollectionOrderer("Consultations.Tests.Infrastructure.ProcessesFirst", "Consultations.Tests")]

namespace Consultations.Tests.Infrastructure;

/// <summary>
/// Starts the process tests' collection first, the others in xunit's order. It is the longest chain that runs one test
/// at a time (hosts started and killed, PostgreSQL stopped and started): begun last, as xunit happened to order it, it
/// ran alone at the end of the suite; begun first, it runs beside the other classes (ADR 0038).
/// </summary>
public sealed class ProcessesFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == ProcessesCollection.Name ? 0 : 1);
}
