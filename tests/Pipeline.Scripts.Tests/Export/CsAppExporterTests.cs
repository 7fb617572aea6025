using System.Diagnostics;
using System.Text.Json.Nodes;
using Pipeline.Scripts.Export;
using Pipeline.Scripts.Notebooks.Worker;
using Pipeline.Scripts.Tests.Notebooks;

namespace Pipeline.Scripts.Tests.Export;

public sealed class CsAppExporterTests
{
    [Fact]
    public void Export_AllOutputsNotebook_ParametersAsOptionsTrailingValuesShownHelpersDefined()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("all-outputs.cs");

        var text = CsAppExporter.Export(Path.Combine(RepositoryRoot.Path, "notebooks", "tests", "all-outputs.ipynb"), output);

        Assert.Equal(text, File.ReadAllText(output));
        Assert.StartsWith("#!/usr/bin/env dotnet\n", text, StringComparison.Ordinal);
        Assert.Contains("string greeting = NotebookApp.Parameter<string>(args, \"greeting\", \"hello\");", text, StringComparison.Ordinal);
        Assert.Contains("int repeat = NotebookApp.Parameter<int>(args, \"repeat\", 2);", text, StringComparison.Ordinal);
        Assert.Contains("NotebookApp.Show(Enumerable.Range(1, repeat).Sum() * 21);", text, StringComparison.Ordinal);
        Assert.Contains("NotebookApp.DisplayHandle display(object? value", text, StringComparison.Ordinal);
        Assert.Contains("IHtmlContent HTML(string html)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("#:project", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_IngestNotebook_LoadInlinedLibraryAsProjectUsingsFirst()
    {
        var output = Path.Combine(RepositoryRoot.Path, "notebooks", $".export-shape-{Guid.NewGuid():N}.cs");
        string text;
        try
        {
            text = CsAppExporter.Export(Path.Combine(RepositoryRoot.Path, "notebooks", "01-ingest.ipynb"), output);
        }
        finally
        {
            File.Delete(output);
        }

        Assert.Contains("#:project ../src/TickKernelExtensions/TickKernelExtensions.csproj\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("#r ", StringComparison.Ordinal) || l.StartsWith("#load ", StringComparison.Ordinal));
        Assert.Contains("// #load \"_setup.csx\" (inlined)", text, StringComparison.Ordinal);
        var lastUsing = text.LastIndexOf("\nusing TickKernelExtensions", StringComparison.Ordinal);
        Assert.True(lastUsing < text.IndexOf("NotebookDisplay.Register();", StringComparison.Ordinal), "usings must precede the first statement");
    }

    [Fact]
    public async Task ExportCommand_WritesBesideNotebookByDefault_AndFailsWithExitCode3()
    {
        using var dir = new TempDirectory();
        var notebook = dir.Combine("all-outputs.ipynb");
        File.Copy(Path.Combine(RepositoryRoot.Path, "notebooks", "tests", "all-outputs.ipynb"), notebook);

        var ok = await NotebookCli.RunAsync("export", notebook, "--to", "cs");
        var missing = await NotebookCli.RunAsync("export", dir.Combine("absent.ipynb"), "--to", "cs");

        Assert.True(ok.Exit == 0, ok.ToString());
        Assert.True(File.Exists(dir.Combine("all-outputs.cs")));
        Assert.Equal(3, missing.Exit);
        Assert.Contains("cannot read the notebook", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_MagicCommandCell_RefusedNamingTheCell()
    {
        using var dir = new TempDirectory();
        var notebook = dir.Combine("magic.ipynb");
        File.WriteAllText(notebook, """
            {"cells": [{"cell_type": "code", "execution_count": null, "id": "fs", "metadata": {}, "outputs": [], "source": ["#!fsharp\n", "1 + 1"]}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);

        var e = Assert.Throws<ExportException>(() => CsAppExporter.Export(notebook, dir.Combine("magic.cs")));

        Assert.Contains("cell 0 (id fs)", e.Message, StringComparison.Ordinal);
        Assert.Contains("#!fsharp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DotnetRun_ExportedIngestNotebook_SameKeyFiguresAsPipelineRun()
    {
        using var dir = new TempDirectory();
        string[] parameters = ["symbols", "EURUSD", "from", "2024-03-07", "to", "2024-03-09", "tickRateScale", "0.05"];
        var executed = dir.Combine("01-ingest.executed.ipynb");
        var run = await NotebookCli.RunAsync(["run", Path.Combine(RepositoryRoot.Path, "notebooks", "01-ingest.ipynb"), executed,
            .. parameters.Chunk(2).SelectMany(p => new[] { "-p", p[0], p[1] }), "-p", "dataRoot", dir.Combine("runner-data")]);
        Assert.True(run.Exit == 0, run.ToString());
        var figures = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().Single(c => (string?)c!["id"] == "figures")!["outputs"]!.AsArray()
            .Single(o => (string?)o!["output_type"] == "execute_result")!["data"]!["text/plain"]!;
        var expected = string.Concat(figures.AsArray().Select(l => (string?)l)).Trim();

        // Beside the notebook, as users write it: #:project and the notebook's relative paths resolve from there.
        var app = Path.Combine(RepositoryRoot.Path, "notebooks", $".export-test-{Guid.NewGuid():N}.cs");
        try
        {
            CsAppExporter.Export(Path.Combine(RepositoryRoot.Path, "notebooks", "01-ingest.ipynb"), app);
            var (exit, stdout, stderr) = await DotnetRunAsync(app, [.. parameters.Chunk(2).SelectMany(p => new[] { "--" + p[0], p[1] }), "--dataRoot", dir.Combine("app-data")]);

            Assert.True(exit == 0, $"dotnet run {app} exited {exit}\n{stdout}\n{stderr}");
            Assert.Contains("ticks in Parquet", expected, StringComparison.Ordinal);
            Assert.Contains(expected, stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

            // Built now: a typo in an option is an error listing the parameters, and a value that does not convert names the type.
            var (typoExit, _, typoError) = await DotnetRunAsync(app, ["--symbol", "EURUSD"]);
            Assert.Equal(3, typoExit);
            Assert.Contains("unknown option '--symbol'", typoError, StringComparison.Ordinal);
            Assert.Contains("--tickRateScale <double>", typoError, StringComparison.Ordinal);
            var (badExit, _, badError) = await DotnetRunAsync(app, ["--tickRateScale", "fast"]);
            Assert.Equal(3, badExit);
            Assert.Contains("--tickRateScale: expected a Double, got 'fast'", badError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(app);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> DotnetRunAsync(string app, string[] args)
    {
        var info = new ProcessStartInfo(WorkerLaunch.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(app)! };
        info.ArgumentList.Add("run");
        info.ArgumentList.Add(app);
        info.ArgumentList.Add("--");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // The test host's MSBuild variables would point the inner build at the outer one's SDK state.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
        {
            info.Environment.Remove(key);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await stdout, "dotnet run did not finish within 10 minutes and was killed\n" + await stderr);
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
