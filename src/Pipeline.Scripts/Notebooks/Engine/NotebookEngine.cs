using System.Collections.Immutable;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Executes C# cells one after another with Roslyn scripting, carrying state from cell to cell
/// (variables, methods, <c>#r</c> references), and publishes each cell's outputs to a sink: cells
/// in, events out. It knows nothing of notebook files or processes, so the runner's worker and a
/// Jupyter kernel can both host it.
/// </summary>
/// <remarks>
/// Not thread-safe: one cell at a time. Creating an engine routes the process's console
/// (<see cref="ConsoleRouter"/>) and subscribes to displayed values (<see cref="DisplayRouter"/>),
/// both process-wide and once. Every cell is compiled into an assembly that is never unloaded
/// (Roslyn scripting's design), so host one notebook per process to bound memory.
/// A cell's code runs synchronously on the calling thread until its first <c>await</c> and ignores
/// cancellation; only killing the process stops a runaway cell.
/// </remarks>
public sealed class NotebookEngine
{
    private readonly ScriptOptions _scriptOptions;
    private readonly ScriptOptions _continuationOptions;
    private readonly ScriptGlobals _globals = new();
    private ScriptState<object>? _state;

    /// <summary>An engine with the given options (validated here).</summary>
    public NotebookEngine(NotebookEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _scriptOptions = CreateScriptOptions(options);
        // Later cells inherit references and imports from the chain of earlier submissions, as Roslyn's own
        // ContinueWith(code) does. Passing the references again makes every cell re-resolve and re-read the
        // metadata of each one: 13 MiB more resident memory per cell (bench/README.md, notebook runner).
        _continuationOptions = _scriptOptions.WithReferences(ImmutableArray<MetadataReference>.Empty).WithImports(ImmutableArray<string>.Empty);
        ConsoleRouter.Install();
        DisplayRouter.Install();
    }

    /// <summary>
    /// The Roslyn options cells compile with: imports, references, <c>#r</c>/<c>#load</c> resolved from
    /// <see cref="NotebookEngineOptions.BaseDirectory"/>. Shared with the kernel's completion, so it sees what cells see.
    /// </summary>
    internal static ScriptOptions CreateScriptOptions(NotebookEngineOptions options)
    {
        var baseDirectory = Path.GetFullPath(options.BaseDirectory);
        return ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithImports(options.Imports)
            .AddReferences(options.References)
            .AddReferences(typeof(ScriptGlobals).Assembly, typeof(Formatter).Assembly, typeof(HtmlString).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, baseDirectory))
            .WithEmitDebugInformation(options.EmitDebugInformation)
            .WithFileEncoding(System.Text.Encoding.UTF8);
    }

    private static readonly CSharpParseOptions ScriptParseOptions =
        CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    private Script<object> Submission(string code, string filePath) => _state is null
        ? CSharpScript.Create(code, _scriptOptions.WithFilePath(filePath), typeof(ScriptGlobals))
        : _state.Script.ContinueWith(code, _continuationOptions.WithFilePath(filePath));

    /// <summary>The options this engine was created with.</summary>
    public NotebookEngineOptions Options { get; }

    /// <summary>How many cells were submitted so far (the last cell's execution count).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>
    /// Compiles and runs one cell. Outputs go to <paramref name="sink"/> as they happen: console
    /// text, displays, then the trailing expression's value (<see cref="ExecuteResultOutput"/>) or
    /// the error (<see cref="ErrorOutput"/>, also returned in the outcome). A failed cell leaves the
    /// state as the cell left it, so a kernel can go on with the next cell.
    /// </summary>
    public async Task<CellOutcome> ExecuteAsync(CellSubmission cell, ICellOutputSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(sink);
        var executionCount = ++ExecutionCount;
        var context = new CellOutputContext(cell, executionCount, sink);
        using var scope = ConsoleRouter.Enter(context);
        try
        {
            var (code, refused) = CellDirectives.Prepare(cell);
            if (refused is not null)
            {
                return Fail(context, refused);
            }
            var filePath = CellErrors.CellFilePrefix + cell.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var script = Submission(InterruptCheckRewriter.Rewrite(code, ScriptParseOptions), filePath);
            var diagnostics = script.Compile(cancellationToken);
            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                // Report what the user wrote, at the columns they wrote it (the checks shift columns on loop lines).
                return Fail(context, CellErrors.FromDiagnostics(cell, Submission(code, filePath).Compile(cancellationToken)));
            }
            var hasReturnValue = ReturnValueProbe.HasReturnValue(script);
            var state = _state is null
                ? await script.RunAsync(_globals, CatchAll, cancellationToken)
                : await script.RunFromAsync(_state, CatchAll, cancellationToken);
            _state = state;
            if (state.Exception is { } exception)
            {
                return Fail(context, CellErrors.FromException(exception));
            }
            if (hasReturnValue)
            {
                context.Publish(new ExecuteResultOutput(ValueFormatter.Format(state.ReturnValue), executionCount));
            }
            context.Flush();
            return new CellOutcome(CellStatus.Completed, executionCount);
        }
        catch (CompilationErrorException e)
        {
            // #load-ed files are compiled while running; their errors surface here.
            return Fail(context, CellErrors.FromDiagnostics(cell, e.Diagnostics));
        }
    }

    /// <summary>
    /// Compiles, emits and formats a representative snippet without running it or touching the
    /// state, so the compiler's and formatter's one-time costs (JIT, reference metadata; about
    /// 1.5 s cold) are paid before the first cell — inside a host's start-up, not inside the first
    /// cell's execution timeout. Idempotent; optional.
    /// </summary>
    public void WarmUp(CancellationToken cancellationToken = default)
    {
        // The formatter's first use (about 0.2 s) overlaps with the compiler's.
        var formatter = Task.Run(() =>
        {
            ValueFormatter.Format(new { Warm = 1, Up = "x" });
            ValueFormatter.Format(42);
        }, cancellationToken);
        var script = CSharpScript.Create(WarmUpCode, _scriptOptions.WithFilePath("warm-up"), typeof(ScriptGlobals));
        script.Compile(cancellationToken);
        ReturnValueProbe.HasReturnValue(script);
        using var assembly = new MemoryStream();
        using var pdb = new MemoryStream();
        script.GetCompilation().Emit(assembly, _scriptOptions.EmitDebugInformation ? pdb : null, cancellationToken: cancellationToken);
        formatter.GetAwaiter().GetResult();
    }

    private const string WarmUpCode = """
        using System.Globalization;
        var values = new List<double> { 1.5, 2.5 };
        var text = string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        Console.WriteLine($"{text} {DateTime.UtcNow:O}");
        await Task.Yield();
        display(HTML("<b>" + text + "</b>"));
        values.Count
        """;

    /// <summary>The value of a variable the cells declared (the latest declaration wins), or null when none has that name.</summary>
    public object? GetVariable(string name) => _state?.GetVariable(name)?.Value;

    private static bool CatchAll(Exception exception) => true;

    private static CellOutcome Fail(CellOutputContext context, ErrorOutput error)
    {
        context.Publish(error);
        return new CellOutcome(CellStatus.Failed, context.ExecutionCount, error);
    }
}
