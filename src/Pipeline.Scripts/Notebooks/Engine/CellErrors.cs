using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>The error outputs the engine and the runner produce, with their <c>ename</c>s.</summary>
public static class CellErrors
{
    /// <summary>The <c>ename</c> of a cell that did not compile.</summary>
    public const string CompilationError = "CompilationError";

    /// <summary>The <c>ename</c> of a cell using a Polyglot magic, <c>#i</c> or <c>#r "nuget:…"</c>, or another kernel's language.</summary>
    public const string UnsupportedDirective = "UnsupportedDirectiveError";

    /// <summary>The <c>ename</c> of a cell stopped by <c>--execution-timeout</c> (papermill/nbclient's name).</summary>
    public const string CellTimeout = "CellTimeoutError";

    /// <summary>The <c>ename</c> of a cell during which the worker process died (papermill/nbclient's name).</summary>
    public const string DeadKernel = "DeadKernelError";

    /// <summary>The error name of a cell stopped by an interrupt (<see cref="CellInterrupt"/>).</summary>
    public const string Interrupted = "KernelInterrupted";

    /// <summary>An exception the cell's code threw: its type, message and stack trace without the scripting host's own frames.</summary>
    public static ErrorOutput FromException(Exception exception)
    {
        var lines = exception.ToString().ReplaceLineEndings("\n").Split('\n');
        var kept = new List<string>(lines.Length);
        foreach (var line in lines)
        {
            // Frames below the submission are Roslyn's script runner: noise to a notebook reader.
            if (line.TrimStart().StartsWith("at Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal))
            {
                if (kept.Count > 0 && kept[^1].TrimStart().StartsWith("--- End of stack trace", StringComparison.Ordinal))
                {
                    kept.RemoveAt(kept.Count - 1);
                }
                continue;
            }
            kept.Add(line);
        }
        var name = exception is CellInterruptedException ? Interrupted : exception.GetType().FullName ?? exception.GetType().Name;
        return new ErrorOutput(name, exception.Message, kept);
    }

    /// <summary>Compile errors: one traceback line per diagnostic, <c>(line,column)</c> counted from the cell's first line (1-based).</summary>
    public static ErrorOutput FromDiagnostics(CellSubmission cell, IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .OrderBy(d => d.Severity == DiagnosticSeverity.Error ? 0 : 1)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(Describe)
            .ToList();
        var errors = lines.Count(l => l.Contains(": error ", StringComparison.Ordinal));
        var summary = string.Create(CultureInfo.InvariantCulture, $"{cell.Describe()} does not compile ({errors} error{(errors == 1 ? "" : "s")}): {lines.FirstOrDefault()}");
        return new ErrorOutput(CompilationError, summary, lines);
    }

    /// <summary>A directive or kernel the runner does not execute.</summary>
    public static ErrorOutput Unsupported(CellSubmission cell, string directive, string why) =>
        new(UnsupportedDirective, $"{cell.Describe()}: '{directive}' is not supported: {why}", [$"{cell.Describe()}: '{directive}' is not supported: {why}"]);

    /// <summary>One diagnostic as "(line,col): error CS0103: message", prefixed with the file for diagnostics in a #load-ed file.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource)
        {
            return $"{severity} {diagnostic.Id}: {message}";
        }
        var span = diagnostic.Location.GetLineSpan();
        var file = span.Path is { Length: > 0 } path && !path.StartsWith(CellFilePrefix, StringComparison.Ordinal) ? Path.GetFileName(path) : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {diagnostic.Id}: {message}");
    }

    /// <summary>The start of the file name given to each cell's code, e.g. <c>cell-3</c>, as stack traces show it.</summary>
    internal const string CellFilePrefix = "cell-";
}
