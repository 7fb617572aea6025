using System.Diagnostics;

namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary><c>pipeline run</c> failures: exit codes 1/2/3, error outputs, banners, pending cells, timeouts.</summary>
public sealed class RunCommandFailureTests
{
    [Fact]
    public async Task Run_CompileError_ExitsOneWithEveryDiagnosticAtCellPositions()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("compile-error.ipynb"));

        Assert.Equal(1, result.Exit);
        var nb = OutputNotebook.Read(notebooks.Executed("compile-error.ipynb"));
        var error = Assert.Single(nb.Outputs("bad"));
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("CompilationError", (string?)error["ename"]);
        var traceback = error["traceback"]!.AsArray().Select(l => (string)l!).ToList();
        Assert.Equal(2, traceback.Count);
        Assert.StartsWith("(2,3): error CS1061:", traceback[0], StringComparison.Ordinal);
        Assert.StartsWith("(3,11): error CS0029:", traceback[1], StringComparison.Ordinal);
        Assert.Contains("cell 1 (id bad) does not compile (2 errors)", (string)error["evalue"]!, StringComparison.Ordinal);
        Assert.Equal("failed", nb.Status("bad"));
        Assert.Equal("pending", nb.Status("after"));
        Assert.Contains("(2,3): error CS1061", result.Error, StringComparison.Ordinal);
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_RuntimeException_ExitsOneWithTracebackBannersAndPendingCells()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("runtime-error.ipynb"));

        Assert.Equal(1, result.Exit);
        var nb = OutputNotebook.Read(notebooks.Executed("runtime-error.ipynb"));
        Assert.Equal(["papermill-error-banner", "intro", "first", "second", "papermill-error-anchor", "boom", "after", "tail"], nb.Ids());
        Assert.Equal(["papermill-error-cell-tag"], nb.Tags("papermill-error-banner"));
        Assert.Equal(["papermill-error-cell-tag"], nb.Tags("papermill-error-anchor"));
        Assert.Equal(
            "<span style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\">An Exception was encountered at '<a href=\"#papermill-error-cell\">In [3]</a>'.</span>",
            OutputNotebook.Text(nb.Cell("papermill-error-banner")["source"]));
        Assert.Equal(
            "<span id=\"papermill-error-cell\" style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\">Execution using papermill encountered an exception here and stopped:</span>",
            OutputNotebook.Text(nb.Cell("papermill-error-anchor")["source"]));
        var outputs = nb.Outputs("boom");
        Assert.Equal("about to fail\n", nb.Stream("boom"));
        var error = outputs[^1];
        Assert.Equal("System.InvalidOperationException", (string?)error["ename"]);
        Assert.Equal("boom", (string?)error["evalue"]);
        var traceback = error["traceback"]!.AsArray().Select(l => (string)l!).ToList();
        Assert.Equal("System.InvalidOperationException: boom", traceback[0]);
        Assert.Contains(traceback, l => l.Contains("at Submission#", StringComparison.Ordinal) && l.Contains("Explode()", StringComparison.Ordinal));
        Assert.Contains(traceback, l => l.EndsWith("cell-3:line 3", StringComparison.Ordinal));
        Assert.DoesNotContain(traceback, l => l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal));
        Assert.Equal("failed", nb.Status("boom"));
        Assert.Equal(3, nb.ExecutionCount("boom"));
        Assert.Equal("pending", nb.Status("after"));
        Assert.Null(nb.ExecutionCount("after"));
        Assert.Empty(nb.Outputs("after"));
        Assert.True((bool)nb.Papermill["exception"]!);
        Assert.Contains("Cell 3 (id boom) failed: System.InvalidOperationException: boom", result.Error, StringComparison.Ordinal);
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_RerunOfFailedOutput_OldBannersRemoved()
    {
        using var notebooks = new TestNotebooks();
        var first = notebooks.Path("first.ipynb");
        Assert.Equal(1, (await NotebookCli.RunAsync("run", notebooks.Path("runtime-error.ipynb"), first)).Exit);

        var result = await NotebookCli.RunAsync("run", first, notebooks.Path("second.ipynb"));

        Assert.Equal(1, result.Exit);
        var nb = OutputNotebook.Read(notebooks.Path("second.ipynb"));
        Assert.Equal(2, nb.Cells.Count(c => nb.Tags((string)c!["id"]!).Contains("papermill-error-cell-tag")));
    }

    [Fact]
    public async Task Run_CellThatNeverReturns_TimeoutKillsWorkerTreeAndExitsTwo()
    {
        using var notebooks = new TestNotebooks();
        var result = await NotebookCli.RunAsync("run", notebooks.Path("timeout.ipynb"), "--execution-timeout", "2");

        Assert.Equal(2, result.Exit);
        var nb = OutputNotebook.Read(notebooks.Executed("timeout.ipynb"));
        Assert.Equal("failed", nb.Status("spin"));
        Assert.Equal("spinning\n", nb.Stream("spin"));
        var error = nb.Outputs("spin")[^1];
        Assert.Equal("CellTimeoutError", (string?)error["ename"]);
        Assert.Contains("did not finish within 2 s", (string)error["evalue"]!, StringComparison.Ordinal);
        Assert.Equal("pending", nb.Status("after"));
        Assert.Equal(["papermill-error-banner", "start", "papermill-error-anchor", "spin", "after"], nb.Ids());
        AssertGone(int.Parse(File.ReadAllText(Path.Combine(notebooks.Folder, "worker.pid")), System.Globalization.CultureInfo.InvariantCulture));
        AssertGone(int.Parse(File.ReadAllText(Path.Combine(notebooks.Folder, "child.pid")), System.Globalization.CultureInfo.InvariantCulture));
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_CellCrashesWorker_DeadKernelErrorWithExitCodeAndStderrExitsOne()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("worker-crash.ipynb"));

        Assert.Equal(1, result.Exit);
        var nb = OutputNotebook.Read(notebooks.Executed("worker-crash.ipynb"));
        Assert.Equal("completed", nb.Status("start"));
        Assert.Equal("failed", nb.Status("crash"));
        Assert.Equal("pending", nb.Status("after"));
        var error = nb.Outputs("crash")[^1];
        Assert.Equal("DeadKernelError", (string?)error["ename"]);
        // A stack overflow aborts the runtime (SIGABRT): the exit code is reported, not "unknown".
        Assert.Matches(@"^the worker process exited \(code \d+\) while running cell 1 \(id crash\)$", (string)error["evalue"]!);
        Assert.Contains(error["traceback"]!.AsArray(), l => ((string)l!).Contains("Stack overflow", StringComparison.Ordinal));
        Assert.Contains("Cell 1 (id crash) failed: DeadKernelError", result.Error, StringComparison.Ordinal);
        Assert.Equal(["papermill-error-banner", "start", "papermill-error-anchor", "crash", "after"], nb.Ids());
        NbformatValidator.AssertValid(nb.Path);
    }

    [Theory]
    [InlineData("magic-fsharp.ipynb", "'#!fsharp' is not supported")]
    [InlineData("magic-nuget-source.ipynb", "'#i \"nuget:https://example.invalid/index.json\"' is not supported")]
    [InlineData("magic-nuget-package.ipynb", "'#r \"nuget:Foo, 1.0.0\"' is not supported")]
    [InlineData("other-kernel.ipynb", "'kernel fsharp' is not supported")]
    public async Task Run_UnsupportedMagic_ExitsOneNamingCellAndDirective(string notebook, string expected)
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path(notebook));

        Assert.Equal(1, result.Exit);
        var nb = OutputNotebook.Read(notebooks.Executed(notebook));
        var magicId = notebook == "other-kernel.ipynb" ? "fsharp" : "magic";
        var error = Assert.Single(nb.Outputs(magicId));
        Assert.Equal("UnsupportedDirectiveError", (string?)error["ename"]);
        Assert.StartsWith($"cell 1 (id {magicId}): ", (string)error["evalue"]!, StringComparison.Ordinal);
        Assert.Contains(expected, (string)error["evalue"]!, StringComparison.Ordinal);
        Assert.Equal("completed", nb.Status("ok"));
        Assert.Equal("pending", nb.Status("after"));
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_MarkdownOnly_SucceedsWithoutWorker()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("markdown-only.ipynb"));

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Executed("markdown-only.ipynb"));
        Assert.Equal(["completed", "completed"], nb.Cells.Select(c => (string)c!["metadata"]!["papermill"]!["status"]!));
        Assert.Contains("Executed 0 code cells", result.Error, StringComparison.Ordinal);
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_NbformatFourFourWithoutIds_IdsAddedOutputsResetAndValid()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("no-ids.ipynb"));

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Executed("no-ids.ipynb"));
        Assert.Equal(5, (int)nb.Root["nbformat_minor"]!);
        Assert.Equal(["cell-0", "cell-1"], nb.Ids());
        Assert.Equal("fresh\n", nb.Stream("cell-1"));
        Assert.Equal(1, nb.ExecutionCount("cell-1"));
        Assert.True((bool)nb.Cell("cell-0")["metadata"]!["custom"]!["keep"]!);
        Assert.Equal([1, 2], nb.Metadata["custom_top"]!.AsArray().Select(n => (int)n!));
        Assert.Contains("had no id, now 'cell-0'", result.Error, StringComparison.Ordinal);
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_ExplicitOutputEqualToInput_OverwritesInput()
    {
        using var notebooks = new TestNotebooks();
        var input = notebooks.Path("no-parameters.ipynb");

        var result = await NotebookCli.RunAsync("run", input, input);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal("hello\n", OutputNotebook.Read(input).Stream("only"));
        Assert.False(File.Exists(notebooks.Executed("no-parameters.ipynb")));
    }

    [Theory]
    [InlineData("missing.ipynb", "expected an existing file")]
    [InlineData("not-json.ipynb", "not an nbformat 4 notebook: line 1")]
    [InlineData("nbformat3.ipynb", "nbformat: expected 4, got 3")]
    public async Task Run_UnreadableOrInvalidNotebook_ExitsThree(string name, string expected)
    {
        using var notebooks = new TestNotebooks();
        await File.WriteAllTextAsync(notebooks.Path("not-json.ipynb"), "this is not json", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(notebooks.Path("nbformat3.ipynb"), "{\"nbformat\": 3, \"nbformat_minor\": 0, \"metadata\": {}, \"worksheets\": []}", TestContext.Current.CancellationToken);

        var result = await NotebookCli.RunAsync("run", notebooks.Path(name));

        Assert.Equal(3, result.Exit);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-p count")]
    [InlineData("--execution-timeout soon")]
    [InlineData("--no-such-option")]
    public async Task Run_BadArguments_ExitsThree(string extra)
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync(["run", notebooks.Path("no-parameters.ipynb"), .. extra.Split(' ')]);

        Assert.Equal(3, result.Exit);
        Assert.Contains("error (Usage)", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(notebooks.Executed("no-parameters.ipynb")));
    }

    [Fact]
    public async Task Run_BadExecutionTimeout_ExitsThree()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("no-parameters.ipynb"), "--execution-timeout", "0");

        Assert.Equal(3, result.Exit);
        Assert.Contains("--execution-timeout: expected a positive number of seconds", result.Error, StringComparison.Ordinal);
    }

    // A killed process may linger as a zombie until its parent reaps it; that is gone too.
    private static void AssertGone(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return;
        }
        string text;
        try
        {
            text = File.ReadAllText(stat);
        }
        catch (IOException)
        {
            return;
        }
        var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
        Assert.True(state is "Z" or "X", $"process {pid} is still alive (state {state})");
    }
}
