using System.CommandLine;
using System.CommandLine.Parsing;
using Pipeline.Scripts.Notebooks;
using Pipeline.Scripts.Notebooks.Document;
using Pipeline.Scripts.Notebooks.Parameters;
using Pipeline.Scripts.Notebooks.Worker;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline run IN.ipynb [OUT.ipynb]</c>: papermill-style headless notebook runs (see
/// <see cref="NotebookRunner"/>), and the hidden <c>notebook-worker</c> command its worker process runs.
/// Exit codes: <see cref="RunExitCode"/>.
/// </summary>
internal static class RunCommand
{
    public const string Name = "run";

    public static Command Build()
    {
        var input = new Argument<string>("input") { Description = "The notebook to run (.ipynb)." };
        var output = new Argument<string?>("output")
        {
            Description = "Where to write the executed notebook (default: <name>.executed.ipynb beside the input; the input is overwritten only when named here).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var parameters = new Option<List<(string Name, string Value)>>("--parameters", "-p")
        {
            Description = "Set a parameter: -p NAME VALUE (repeatable). The value is converted to the type declared in the notebook's 'parameters' cell; arrays take a,b,c or [a, b, c].",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
            HelpName = "NAME VALUE",
            CustomParser = r => r.Tokens.Chunk(2).Select(pair => (pair[0].Value, pair.Length > 1 ? pair[1].Value : "")).ToList(),
        };
        var yaml = new Option<string[]>("--parameters-yaml", "-y") { Description = "Parameters as YAML text, e.g. -y 'days: 5' (applied after -f, before -p)." };
        var yamlFile = new Option<string[]>("--parameters-file", "-f") { Description = "Parameters from a YAML file (repeatable; applied first)." };
        var cwd = new Option<string?>("--cwd") { Description = "Working directory of the notebook's code, and base of relative #r/#load paths (default: the notebook's folder)." };
        var timeout = new Option<double?>("--execution-timeout") { Description = "Seconds a cell may run before its worker process is killed and the run fails with exit code 2 (default: no limit)." };
        var startTimeout = new Option<double>("--start-timeout") { Description = "Seconds the worker process may take to start.", DefaultValueFactory = _ => 60 };
        var logOutput = new Option<bool>("--log-output") { Description = "Echo cells' outputs to this console as they are produced." };
        var prepareOnly = new Option<bool>("--prepare-only") { Description = "Inject the parameters and write the output notebook without executing it." };
        var helpNotebook = new Option<bool>("--help-notebook") { Description = "List the notebook's parameters (name, type, default) and exit." };
        var command = new Command(Name, "Run a C# notebook headless, papermill-style: parameters, outputs and timing recorded in the output notebook. Exit codes: 0 success, 1 a cell failed, 2 a cell timed out, 3 usage or I/O error.")
        {
            input, output, parameters, yaml, yamlFile, cwd, timeout, startTimeout, logOutput, prepareOnly, helpNotebook,
        };
        command.SetAction(async (r, ct) =>
        {
            var stdout = r.InvocationConfiguration.Output;
            var stderr = r.InvocationConfiguration.Error;
            var inputPath = r.GetValue(input)!;
            try
            {
                if (r.GetValue(helpNotebook))
                {
                    await stdout.WriteAsync(ParameterHelp.Describe(NotebookDocument.Load(inputPath), inputPath));
                    return RunExitCode.Success;
                }
                var options = new NotebookRunOptions
                {
                    InputPath = inputPath,
                    OutputPath = r.GetValue(output),
                    Parameters = ParameterSources.Merge(r.GetValue(yamlFile) ?? [], r.GetValue(yaml) ?? [], r.GetValue(parameters) ?? []),
                    WorkingDirectory = r.GetValue(cwd),
                    ExecutionTimeout = r.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                    StartTimeout = TimeSpan.FromSeconds(r.GetValue(startTimeout)),
                    LogOutput = r.GetValue(logOutput),
                    PrepareOnly = r.GetValue(prepareOnly),
                };
                var result = await NotebookRunner.RunAsync(options, stdout, stderr, TimeProvider.System, ct);
                return result.ExitCode;
            }
            catch (NotebookException e)
            {
                await stderr.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return RunExitCode.UsageOrIo;
            }
        });
        return command;
    }

    /// <summary>The hidden command the runner starts as its worker process.</summary>
    public static Command BuildWorker()
    {
        var command = new Command(WorkerHost.CommandName, "Internal: the worker process of `pipeline run` (JSON lines on stdin/stdout).") { Hidden = true };
        command.SetAction((_, _) => WorkerHost.RunAsync(Directory.GetCurrentDirectory()));
        return command;
    }

    /// <summary>
    /// Parse errors of <c>run</c> exit with <see cref="RunExitCode.UsageOrIo"/> (3) instead of
    /// System.CommandLine's 1, which <c>run</c> reserves for a failed cell.
    /// </summary>
    public static bool TryHandleParseErrors(ParseResult result, InvocationConfiguration configuration, out int exitCode)
    {
        exitCode = 0;
        if (result.Errors.Count == 0 || result.CommandResult.Command.Name != Name)
        {
            return false;
        }
        var error = configuration.Error;
        foreach (var parseError in result.Errors)
        {
            error.WriteLine($"error (Usage): {parseError.Message}");
        }
        error.WriteLine("Usage: pipeline run IN.ipynb [OUT.ipynb] [-p NAME VALUE]... [-y YAML] [-f FILE.yaml] [--cwd DIR] [--execution-timeout SECONDS] [--log-output] [--prepare-only] [--help-notebook]");
        exitCode = RunExitCode.UsageOrIo;
        return true;
    }
}
