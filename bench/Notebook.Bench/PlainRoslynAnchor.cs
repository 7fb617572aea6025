using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Notebook.Bench;

/// <summary>
/// The anchor: a notebook's cells run with plain Roslyn scripting in one process — the first cell
/// with <c>CSharpScript.Create(...).RunAsync</c>, the others with <c>ContinueWithAsync</c> — and the
/// same default imports and framework references as the runner; no worker, no notebook file, no
/// formatting, no debug information. Runs as a child
/// process of the benchmark (<c>anchor NOTEBOOK</c>) so its cold start is timed like the runner's.
/// </summary>
internal static class PlainRoslynAnchor
{
    public const string Mode = "anchor";

    /// <summary>Runs the cells and prints one line: per-cell milliseconds, then resident and peak resident bytes.</summary>
    public static async Task<int> RunAsync(string notebook)
    {
        var cells = TrivialNotebook.ReadCells(notebook);
        var options = ScriptOptions.Default.WithLanguageVersion(LanguageVersion.Latest)
            .WithImports("System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq", "System.IO")
            .AddReferences(
                "System.Linq", "System.Linq.Expressions", "System.Collections.Immutable", "System.Memory", "System.Runtime.Numerics",
                "System.Net.Http", "System.Net.Primitives", "System.Text.Json", "System.IO.Compression", "System.Security.Cryptography",
                "System.Xml.ReaderWriter", "System.Xml.XDocument", "System.ComponentModel.Primitives", "System.Data.Common");
        ScriptState<object>? state = null;
        var times = new List<double>(cells.Count);
        foreach (var code in cells)
        {
            var clock = Stopwatch.StartNew();
            state = state is null
                ? await CSharpScript.Create(code, options).RunAsync(null, _ => true)
                : await state.ContinueWithAsync(code, null, _ => true); // later cells inherit the references and imports
            _ = state.ReturnValue?.ToString();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var (rss, peak) = ProcMemory.Self();
        Console.WriteLine(string.Join(' ', times.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture))) + $" | {rss} {peak}");
        return 0;
    }

    /// <summary>Parses the child's line.</summary>
    public static (IReadOnlyList<double> CellMs, long Rss, long Peak) Parse(string line)
    {
        var parts = line.Split('|');
        var times = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
        var memory = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => long.Parse(m, CultureInfo.InvariantCulture)).ToArray();
        return (times, memory[0], memory[1]);
    }
}
