using System.Globalization;
using System.Text;
using Consultations.Host.RecordFiles;

namespace Consultations.Bench.Run;

/// <summary>
/// A record file of about <c>steps</c> steps in the bundled record's format: the bundled record's steps repeated, copy n
/// renaming every stream id X to <c>X-{run}{n}</c> (longest ids first, through a placeholder so no id is renamed twice),
/// so that each copy is a dialogue of its own that its deciders accept, and a later run's file never repeats an earlier one.
/// </summary>
public static class RecordFile
{
    /// <summary>An imported copy's stream id ends so (a regular expression for PostgreSQL).</summary>
    public const string Suffix = "-r[0-9]{6}n[0-9]{5}$";

    public static async Task<(string Path, int Steps)> WriteAsync(IReadOnlyCollection<string> streamIds, int steps, string folder)
    {
        var lines = await File.ReadAllLinesAsync(RecordImporter.BundledRecordPath);
        var start = Array.FindIndex(lines, l => l.TrimEnd() == "steps:");
        var body = lines.Skip(start + 1).Where(l => !l.TrimStart().StartsWith('#') && l.Trim().Length > 0).ToList();
        var perCopy = body.Count(l => l.StartsWith("  - ", StringComparison.Ordinal));
        var copies = Math.Max(1, (int)Math.Round(steps / (double)perCopy));
        var template = string.Join('\n', body);
        var ordered = streamIds.OrderByDescending(id => id.Length).ToList();
        for (var i = 0; i < ordered.Count; i++) template = template.Replace(ordered[i], $"\u0001{i.ToString(CultureInfo.InvariantCulture)}\u0002", StringComparison.Ordinal);

        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, $"bench-record-{run}.yaml");
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        await writer.WriteLineAsync("format: consultations-record/1");
        await writer.WriteLineAsync("steps:");
        for (var copy = 1; copy <= copies; copy++)
        {
            var text = template;
            var suffix = $"-r{run}n{copy.ToString("00000", CultureInfo.InvariantCulture)}";
            for (var i = 0; i < ordered.Count; i++) text = text.Replace($"\u0001{i.ToString(CultureInfo.InvariantCulture)}\u0002", ordered[i] + suffix, StringComparison.Ordinal);
            await writer.WriteLineAsync(text);
        }

        return (path, copies * perCopy);
    }
}
