using System.CommandLine;
using Pipeline.Scripts.Notebooks;
using Pipeline.Scripts.Notebooks.Parameters;
using Pipeline.Scripts.RunAll;

namespace Pipeline.Scripts.Commands;

/// <summary><c>pipeline run-all</c>: the stage notebooks in order, with reports and a summary.</summary>
internal static class RunAllCommand
{
    public static Command Build()
    {
        var notebooks = new Option<string>("--notebooks") { Description = "Folder of the stage notebooks (NN-name.ipynb).", DefaultValueFactory = _ => "notebooks" };
        var output = new Option<string>("--out") { Description = "Folder for executed notebooks, HTML reports and summary.{json,md}.", DefaultValueFactory = _ => Path.Combine("artifacts", "run") };
        var from = new Option<string?>("--from") { Description = "Start the chain at this notebook (name or number, e.g. 03)." };
        var only = new Option<string[]>("--only") { Description = "Run only these notebooks (names or numbers; repeatable or comma-separated).", AllowMultipleArgumentsPerToken = true };
        var parameters = new Option<List<(string Name, string Value)>>("--parameters", "-p")
        {
            Description = "A parameter for every notebook that declares it: -p NAME VALUE (repeatable).",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
            HelpName = "NAME VALUE",
            CustomParser = r => r.Tokens.Chunk(2).Select(pair => (pair[0].Value, pair.Length > 1 ? pair[1].Value : "")).ToList(),
        };
        var yaml = new Option<string[]>("--parameters-yaml", "-y") { Description = "Parameters as YAML text." };
        var yamlFile = new Option<string[]>("--parameters-file", "-f") { Description = "Parameters from a YAML file." };
        var timeout = new Option<double?>("--execution-timeout") { Description = "Seconds a cell may run." };
        var logOutput = new Option<bool>("--log-output") { Description = "Echo cells' outputs live." };
        var keepGoing = new Option<bool>("--keep-going") { Description = "Run the remaining notebooks after a failure." };
        var command = new Command("run-all", "Run the stage notebooks in order (01-ingest, 02-…) into an artefacts folder: executed notebooks, offline HTML reports and a summary. Exit codes as `run`.")
        {
            notebooks, output, from, only, parameters, yaml, yamlFile, timeout, logOutput, keepGoing,
        };
        command.SetAction(async (r, ct) =>
        {
            var stdout = r.InvocationConfiguration.Output;
            var stderr = r.InvocationConfiguration.Error;
            try
            {
                var options = new RunAllOptions
                {
                    NotebooksDirectory = r.GetValue(notebooks)!,
                    OutputDirectory = r.GetValue(output)!,
                    From = r.GetValue(from),
                    Only = (r.GetValue(only) ?? []).SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                    Parameters = ParameterSources.Merge(r.GetValue(yamlFile) ?? [], r.GetValue(yaml) ?? [], r.GetValue(parameters) ?? []),
                    ExecutionTimeout = r.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    LogOutput = r.GetValue(logOutput),
                    KeepGoing = r.GetValue(keepGoing),
                };
                var outcomes = await NotebookChain.RunAsync(options, stdout, stderr, ct);
                await stdout.WriteAsync(RunAllSummary.Markdown(outcomes));
                var failed = outcomes.FirstOrDefault(o => o.ExitCode is > 0);
                return failed?.ExitCode ?? RunExitCode.Success;
            }
            catch (NotebookException e)
            {
                await stderr.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return RunExitCode.UsageOrIo;
            }
        });
        return command;
    }
}
