using System.Collections.Concurrent;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Tests.Notebooks;

[CollectionDefinition(nameof(ProcessConsole), DisableParallelization = true)]
public sealed class ProcessConsole;

/// <summary>
/// The engine in process, as the Jupyter kernel will host it. It routes this test process's console,
/// so these tests run alone (<see cref="ProcessConsole"/>).
/// </summary>
[Collection(nameof(ProcessConsole))]
public sealed class NotebookEngineTests
{
    [Fact]
    public async Task ExecuteAsync_Cells_StateCarriesOverAndRedeclarationWins()
    {
        using var dir = new TempDirectory();
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = dir.Path });
        var sink = new Sink();

        await Run(engine, sink, "var days = 30;\nint Twice(int x) => 2 * x;");
        await Run(engine, sink, "var days = 5;");
        var outcome = await Run(engine, sink, "Console.WriteLine(\"hello\");\nTwice(days)");

        Assert.Equal(new CellOutcome(CellStatus.Completed, 3), outcome);
        Assert.Equal(["stdout: hello\n", "result 3: 10"], sink.Outputs.Select(o => o switch
        {
            StreamOutput s => $"{s.Name}: {s.Text}",
            ExecuteResultOutput r => $"result {r.ExecutionCount}: {string.Join(", ", r.Data.Select(d => d.Value))}",
            _ => o.ToString(),
        }));
        Assert.Equal(5, engine.GetVariable("days"));
    }

    [Fact]
    public async Task ExecuteAsync_EverydayFrameworkTypes_CompileWithoutReferences()
    {
        using var dir = new TempDirectory();
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = dir.Path });
        var sink = new Sink();

        var outcome = await Run(engine, sink, """
            var json = System.Text.Json.JsonSerializer.Serialize(Enumerable.Range(1, 3).ToArray());
            var http = new System.Net.Http.HttpClient();
            var xml = new System.Xml.Linq.XElement("a", 1).ToString();
            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(json)));
            var big = System.Numerics.BigInteger.Pow(2, 70);
            var frozen = System.Collections.Immutable.ImmutableArray.Create(1, 2);
            var zip = new System.IO.Compression.ZipArchive(new MemoryStream(), System.IO.Compression.ZipArchiveMode.Create);
            var table = new System.Data.DataTable();
            $"{json} {xml} {hash[..4]} {big} {frozen.Length} {File.Exists("x")}"
            """);

        Assert.True(outcome.Status == CellStatus.Completed, string.Join("\n", outcome.Error?.Traceback ?? []));
    }

    [Fact]
    public async Task ExecuteAsync_CompileErrorInFirstCell_NextCellStartsFresh()
    {
        using var dir = new TempDirectory();
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = dir.Path });
        var sink = new Sink();

        var failed = await Run(engine, sink, "var x = ;");
        var next = await Run(engine, sink, "var y = 2;\ny");

        Assert.Equal(CellStatus.Failed, failed.Status);
        Assert.Equal(CellErrors.CompilationError, failed.Error!.EName);
        Assert.StartsWith("(1,9): error CS1525", failed.Error.Traceback[0], StringComparison.Ordinal);
        Assert.Equal(new CellOutcome(CellStatus.Completed, 2), next);
    }

    [Fact]
    public async Task ExecuteAsync_BackgroundOutputAfterCellReturned_GoesToItsOwnCell()
    {
        using var dir = new TempDirectory();
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = dir.Path });
        var first = new Sink();
        var second = new Sink();

        await Run(engine, first, "var gate = new TaskCompletionSource();\nvar background = Task.Run(async () => { await gate.Task; Console.WriteLine(\"late\"); });");
        await Run(engine, second, "Console.WriteLine(\"second\");\ngate.SetResult();\nawait background;");

        Assert.Equal([new StreamOutput("stdout", "late\n")], first.Outputs);
        Assert.Equal([new StreamOutput("stdout", "second\n")], second.Outputs);
    }

    [Fact]
    public async Task ExecuteAsync_DisplayThenUpdate_SameDisplayIdMarkedUpdate()
    {
        using var dir = new TempDirectory();
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = dir.Path });
        var sink = new Sink();

        await Run(engine, sink, "var shown = display(\"one\");\nshown.Update(\"two\");\n42.Display();");

        var displays = sink.Outputs.Cast<DisplayDataOutput>().ToList();
        Assert.Equal(3, displays.Count);
        Assert.Equal(("one", false), (displays[0].Data["text/plain"], displays[0].IsUpdate));
        Assert.Equal(("two", true), (displays[1].Data["text/plain"], displays[1].IsUpdate));
        Assert.Equal(displays[0].DisplayId, displays[1].DisplayId);
        Assert.Equal(["text/plain"], displays[2].Data.Keys);
    }

    [Fact]
    public async Task WarmUp_BeforeCells_LeavesNoStateAndNoExecutionCount()
    {
        using var dir = new TempDirectory();
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = dir.Path });

        engine.WarmUp(TestContext.Current.CancellationToken);
        var outcome = await Run(engine, new Sink(), "var values = 1;");

        Assert.Equal(new CellOutcome(CellStatus.Completed, 1), outcome);
    }

    [Fact]
    public async Task ExecuteAsync_InterruptedInfiniteLoops_KernelInterruptedAndStateKept()
    {
        using var dir = new TempDirectory();
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = dir.Path });
        var sink = new Sink();
        await Run(engine, sink, "var keep = 41;\nvar spins = 0L;");

        foreach (var loop in new[] { "while (true) spins++;", "do { spins++; } while (spins > 0);", "for (;;) { }", "foreach (var i in Enumerable.Repeat(1, int.MaxValue)) for (var j = 0; j < 10; j++) spins += i;", "Action spin = () => { while (true) { } };\nspin();" })
        {
            CellInterrupt.Reset();
            // A cell runs synchronously up to its first await: off this thread, as the worker runs it.
            var running = Task.Run(() => Run(engine, sink, loop), TestContext.Current.CancellationToken);
            await Task.Delay(200, TestContext.Current.CancellationToken);
            Assert.False(running.IsCompleted, $"'{loop}' should still be spinning");
            CellInterrupt.Request();
            var outcome = await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.Equal(CellStatus.Failed, outcome.Status);
            Assert.Equal(("KernelInterrupted", "the cell was interrupted; the notebook's variables and definitions are kept"), (outcome.Error!.EName, outcome.Error.EValue));
        }
        CellInterrupt.Reset();
        var after = await Run(engine, sink, "keep + 1");

        Assert.Equal(CellStatus.Completed, after.Status);
        Assert.Equal(42, engine.GetVariable("keep") is int k ? k + 1 : -1);
    }

    [Fact]
    public async Task ExecuteAsync_LoopCellThatThrows_TracebackLineIsTheCellsOwn()
    {
        using var dir = new TempDirectory();
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = dir.Path });

        var outcome = await Run(engine, new Sink(), "var n = 0;\nwhile (n < 10)\n    if (++n == 5) throw new InvalidOperationException(\"five\");");

        Assert.Equal("System.InvalidOperationException", outcome.Error!.EName);
        Assert.Contains(outcome.Error.Traceback, l => l.EndsWith(":line 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteAsync_CompileErrorOnALoopLine_ColumnAsWritten()
    {
        using var dir = new TempDirectory();
        var engine = new NotebookEngine(new NotebookEngineOptions { BaseDirectory = dir.Path });

        var outcome = await Run(engine, new Sink(), "for (var i = 0; i < 3; i++) undefinedThing++;");

        Assert.Equal("CompilationError", outcome.Error!.EName);
        Assert.StartsWith("(1,29): error CS0103: The name 'undefinedThing' does not exist", outcome.Error.Traceback[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MissingBaseDirectory_ArgumentExceptionNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new NotebookEngine(new NotebookEngineOptions { BaseDirectory = "/no/such/folder", Imports = ["System", "bad name"] }));

        Assert.Contains("BaseDirectory: expected an existing folder, got '/no/such/folder'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Imports: expected namespace names, got 'bad name'", e.Message, StringComparison.Ordinal);
    }

    private static Task<CellOutcome> Run(NotebookEngine engine, Sink sink, string code) =>
        engine.ExecuteAsync(new CellSubmission(engine.ExecutionCount, null, code), sink, TestContext.Current.CancellationToken);

    private sealed class Sink : ICellOutputSink
    {
        private readonly ConcurrentQueue<CellOutput> _outputs = new();

        public IReadOnlyList<CellOutput> Outputs => [.. _outputs];

        public void Publish(CellOutput output) => _outputs.Enqueue(output);
    }
}
