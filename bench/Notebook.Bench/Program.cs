using Notebook.Bench;

// Usage: dotnet run -c Release --project bench/Notebook.Bench -- [--runs N] [--cells N] [--work DIR] [--pipeline PATH]
// (internal: `anchor NOTEBOOK` runs a notebook with plain Roslyn scripting and prints its timings.)
if (args is [PlainRoslynAnchor.Mode, var notebook])
{
    return await PlainRoslynAnchor.RunAsync(notebook);
}
Console.WriteLine("== notebook runner: pipeline run vs plain Roslyn scripting in one process (anchor)");
return await NotebookRunnerBenchmark.RunAsync(BenchSettings.Parse(args));
