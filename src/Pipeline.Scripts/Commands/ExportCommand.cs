using System.CommandLine;
using Pipeline.Scripts.Export;

namespace Pipeline.Scripts.Commands;

/// <summary><c>pipeline export NOTEBOOK --to cs [-o FILE]</c>: a notebook as a .NET 10 file-based app. Exit codes: 0 written, 3 cannot export.</summary>
internal static class ExportCommand
{
    public static Command Build()
    {
        var input = new Argument<string>("notebook") { Description = "The notebook to export (.ipynb)." };
        var to = new Option<string>("--to") { Description = "The target format: cs (a file-based app for `dotnet run X.cs`).", Required = true };
        to.AcceptOnlyFromAmong("cs");
        var output = new Option<string?>("--output", "-o") { Description = "Where to write it (default: beside the notebook, with the .cs extension)." };
        var command = new Command("export", "Export a notebook to a single C# file runnable with `dotnet run X.cs`: the library referenced as a project, parameters as --name value options, cell results printed.")
        {
            input, to, output,
        };
        command.SetAction(r =>
        {
            var notebook = r.GetValue(input)!;
            var target = r.GetValue(output) ?? Path.ChangeExtension(notebook, ".cs");
            try
            {
                CsAppExporter.Export(notebook, target);
                r.InvocationConfiguration.Output.WriteLine($"Wrote {target}; run it with: dotnet run {target} -- --help");
                return 0;
            }
            catch (ExportException e)
            {
                r.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return 3;
            }
        });
        return command;
    }
}
