using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Scripts.Notebooks.Worker;

namespace Pipeline.Scripts.Kernel.Kernelspec;

/// <summary>
/// Writes, lists and removes our kernelspec (<c>kernel.json</c> plus two logos) in Jupyter's
/// standard folders, where VS Code's Jupyter extension and JupyterLab find it with no other set-up.
/// </summary>
public static class KernelspecWriter
{
    /// <summary>The kernelspec name notebooks refer to in <c>metadata.kernelspec.name</c>.</summary>
    public const string DefaultName = "tick-csharp";

    /// <summary>The name shown in kernel pickers.</summary>
    public const string DisplayName = "C# (tick workbench)";

    /// <summary>
    /// The <c>kernel.json</c> of a kernel named <paramref name="name"/>: <c>argv</c> starts this build of
    /// <c>pipeline</c> through the .NET host with absolute paths (front ends substitute only
    /// <c>{connection_file}</c>), interrupts travel as messages, language C#.
    /// </summary>
    public static JsonObject Spec(string name = DefaultName)
    {
        var argv = new JsonArray(WorkerLaunch.DotnetHost(), typeof(KernelspecWriter).Assembly.Location, "kernel", "start", "-f", "{connection_file}");
        return new JsonObject
        {
            ["argv"] = argv,
            ["display_name"] = name == DefaultName ? DisplayName : $"{DisplayName} [{name}]",
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["env"] = new JsonObject { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_TieredPGO"] = "0" },
            ["metadata"] = new JsonObject { ["tick_workbench"] = new JsonObject { ["engine"] = "pipeline run (Roslyn scripting)" } },
        };
    }

    /// <summary>Writes the kernelspec folder <c>&lt;dataDirectory&gt;/kernels/&lt;name&gt;</c>, replacing an older one; returns its path.</summary>
    /// <exception cref="KernelException">The name is not a valid kernelspec name, or the folder cannot be written.</exception>
    public static string Install(string dataDirectory, string name = DefaultName)
    {
        ValidateName(name);
        var folder = Path.Combine(dataDirectory, "kernels", name);
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "kernel.json"), Spec(name).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            File.WriteAllBytes(Path.Combine(folder, "logo-32x32.png"), LogoPng.Create(32));
            File.WriteAllBytes(Path.Combine(folder, "logo-64x64.png"), LogoPng.Create(64));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KernelException($"cannot write the kernelspec into '{folder}': {e.Message} (try --user)", e);
        }
        return folder;
    }

    /// <summary>Every kernelspec Jupyter would see, first hit per name, in search order.</summary>
    public static IReadOnlyList<(string Name, string Folder, string? DisplayName)> List()
    {
        var found = new List<(string, string, string?)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var kernels in JupyterPaths.KernelDirectories().Where(Directory.Exists))
        {
            foreach (var folder in Directory.EnumerateDirectories(kernels).Order(StringComparer.Ordinal))
            {
                var spec = Path.Combine(folder, "kernel.json");
                var name = Path.GetFileName(folder);
                if (File.Exists(spec) && names.Add(name))
                {
                    found.Add((name.ToLowerInvariant(), folder, ReadDisplayName(spec)));
                }
            }
        }
        return found;
    }

    /// <summary>Removes every kernelspec folder named <paramref name="name"/> on the search path; returns the removed folders.</summary>
    public static IReadOnlyList<string> Uninstall(string name = DefaultName)
    {
        ValidateName(name);
        var removed = new List<string>();
        foreach (var kernels in JupyterPaths.KernelDirectories())
        {
            var folder = Path.Combine(kernels, name);
            if (File.Exists(Path.Combine(folder, "kernel.json")))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                    removed.Add(folder);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new KernelException($"cannot remove the kernelspec folder '{folder}': {e.Message}", e);
                }
            }
        }
        return removed;
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new KernelException($"invalid kernelspec name '{name}': expected letters, digits, '.', '_' and '-' only");
        }
    }

    private static string? ReadDisplayName(string spec)
    {
        try
        {
            return (string?)JsonNode.Parse(File.ReadAllText(spec))?["display_name"];
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
