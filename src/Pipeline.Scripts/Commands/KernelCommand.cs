using System.CommandLine;
using Pipeline.Scripts.Kernel;
using Pipeline.Scripts.Kernel.Kernelspec;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline kernel install|list|uninstall|start</c>: our Jupyter kernel for C# notebooks and its
/// kernelspec. Exit codes: 0 success, 3 usage or I/O error (bad connection file, unwritable folder).
/// </summary>
internal static class KernelCommand
{
    public static Command Build()
    {
        var command = new Command("kernel", "The C# Jupyter kernel for VS Code's Jupyter extension, JupyterLab and any Jupyter client.");
        command.Subcommands.Add(Install());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Uninstall());
        command.Subcommands.Add(Start());
        return command;
    }

    private static Command Install()
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter) instead of system-wide (/usr/local/share/jupyter)." };
        var prefix = new Option<string?>("--prefix") { Description = "Install into PREFIX/share/jupyter (e.g. a Python environment) instead." };
        var name = NameOption();
        var command = new Command("install", $"Write the kernelspec '{KernelspecWriter.DefaultName}' (kernel.json and logos) where Jupyter front ends find it.") { user, prefix, name };
        command.SetAction(r => Guard(r, () =>
        {
            var data = r.GetValue(prefix) is { } p ? Path.Combine(p, "share", "jupyter")
                : r.GetValue(user) ? JupyterPaths.UserDataDirectory() : JupyterPaths.SystemDataDirectory();
            var folder = KernelspecWriter.Install(data, r.GetValue(name)!);
            r.InvocationConfiguration.Output.WriteLine($"Installed kernelspec {r.GetValue(name)} in {folder}");
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the kernelspecs Jupyter front ends see (name, folder, display name), in search order.");
        command.SetAction(r => Guard(r, () =>
        {
            var output = r.InvocationConfiguration.Output;
            output.WriteLine("Available kernels:");
            foreach (var (name, folder, display) in KernelspecWriter.List())
            {
                output.WriteLine($"  {name,-24} {folder}{(display is null ? "" : $"  ({display})")}");
            }
        }));
        return command;
    }

    private static Command Uninstall()
    {
        var name = NameOption();
        var command = new Command("uninstall", "Remove the kernelspec from every folder on Jupyter's search path.") { name };
        command.SetAction(r => Guard(r, () =>
        {
            var removed = KernelspecWriter.Uninstall(r.GetValue(name)!);
            var output = r.InvocationConfiguration.Output;
            if (removed.Count == 0)
            {
                output.WriteLine($"No kernelspec named {r.GetValue(name)} was found.");
            }
            foreach (var folder in removed)
            {
                output.WriteLine($"Removed {folder}");
            }
        }));
        return command;
    }

    private static Command Start()
    {
        var connectionFile = new Option<string>("--connection-file", "-f") { Description = "The connection file written by the Jupyter client.", Required = true };
        var command = new Command("start", "Run the kernel (what the kernelspec's argv starts; Jupyter clients pass the connection file).") { connectionFile };
        command.SetAction(async (r, ct) =>
        {
            try
            {
                return await KernelHost.RunAsync(new KernelOptions { ConnectionFile = r.GetValue(connectionFile)! }, Console.Error, ct);
            }
            catch (KernelException e)
            {
                await r.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return 3;
            }
        });
        return command;
    }

    private static Option<string> NameOption() => new("--name")
    {
        Description = "The kernelspec name.",
        DefaultValueFactory = _ => KernelspecWriter.DefaultName,
    };

    private static int Guard(ParseResult result, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (KernelException e)
        {
            result.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return 3;
        }
    }
}
