using System.Diagnostics;

namespace Consultations.Host.Reports;

/// <summary>Chromium is not installed (or not where configured): the report cannot be printed to PDF here.</summary>
public sealed class PrinterUnavailable(string message) : Exception(message);

/// <summary>
/// Prints the HTML status report to PDF with the system's headless Chromium (<c>--print-to-pdf</c>): A4, the page
/// headers and numbers come from the report's own <c>@page</c> rules (ADR 0034). Nothing is downloaded; where
/// Chromium is absent, <see cref="PrinterUnavailable"/> says how to install it.
/// </summary>
public sealed class ReportPrinter(ReportingOptions options)
{
    public const string MediaType = "application/pdf";

    /// <summary>The Chromium executable: <c>Consultations:Reporting:Chromium</c>, else <c>chromium</c> or <c>chromium-browser</c> on the PATH.</summary>
    public string? Chromium() =>
        options.Chromium is { Length: > 0 } configured
            ? (File.Exists(configured) ? configured : null)
            : new[] { "chromium", "chromium-browser", "google-chrome" }
                .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
                .FirstOrDefault(File.Exists);

    public async Task<byte[]> PdfAsync(string html, CancellationToken ct)
    {
        var chromium = Chromium() ?? throw new PrinterUnavailable(
            "Printing to PDF needs Chromium, which is not installed here (Debian/Ubuntu: apt-get install chromium; or set Consultations:Reporting:Chromium). " +
            "The HTML report (format=html) prints the same from a browser.");
        var folder = Directory.CreateTempSubdirectory("consultations-report-");
        try
        {
            var page = Path.Combine(folder.FullName, "status.html");
            var pdf = Path.Combine(folder.FullName, "status.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                ArgumentList =
                {
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(folder.FullName, "profile")}",
                    $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri,
                },
            };
            using var process = Process.Start(start) ?? throw new PrinterUnavailable($"Could not start {chromium}.");
            var errors = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
                throw new PrinterUnavailable($"{chromium} did not print the report (exit code {process.ExitCode}): {(await errors).Trim()}");
            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the temp folder is the system's to clean.
            }
        }
    }
}
