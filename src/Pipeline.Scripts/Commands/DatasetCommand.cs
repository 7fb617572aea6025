using System.CommandLine;
using TickKernelExtensions.Datasets;
using TickKernelExtensions.Storage;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline dataset add|status|checkout|push|pull|remote</c>: dataset versions in DVC 3's formats, so the real
/// <c>dvc</c> works on what these write. The DVC repository is the data root (<c>--data</c>) unless <c>--repo</c>
/// names another folder. Exit 0 on success, 2 for a dataset or storage error (one line on stderr naming the file,
/// field, expected and actual value), 3 for bad options, 130 when cancelled.
/// </summary>
internal static class DatasetCommand
{
    public static Command Build()
    {
        var command = new Command("dataset", "Version datasets with DVC 3's .dvc files, cache and S3 remote layout (the dvc CLI reads what these write).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Checkout());
        command.Subcommands.Add(Transfer(push: true));
        command.Subcommands.Add(Transfer(push: false));
        command.Subcommands.Add(Remote());
        return command;
    }

    private static Option<string?> RepoOption() => new("--repo") { Description = "The DVC repository root, the folder holding .dvc/ (default: the data root)." };

    private static Argument<string[]> Targets(string description) => new("TARGETS") { Description = description, Arity = ArgumentArity.ZeroOrMore };

    private static DvcRepository Open(ParseResult r, Option<string> data, Option<string?> repo, DatasetOptions? options = null) =>
        DvcRepository.Open(r.GetValue(repo) ?? r.GetValue(data)!, options);

    private static Command Add()
    {
        var data = CommonOptions.Data();
        var repo = RepoOption();
        var paths = new Argument<string[]>("PATHS") { Description = "Files or directories to version (inside the repository), e.g. data/gold/bars-eurusd-1m.", Arity = ArgumentArity.OneOrMore };
        var inputs = new Option<string[]>("--input") { Description = "Lineage: an input table at the snapshot read, table@snapshot (e.g. silver.ticks@5928164749202844321). Repeatable." };
        var parameters = new Option<string[]>("--param") { Description = "Lineage: a build parameter, key=value. Repeatable." };
        var featureSet = new Option<string?>("--feature-set") { Description = "Lineage: the feature set, name@version (e.g. microstructure@3)." };
        var codeVersion = new Option<string?>("--code-version") { Description = "Lineage: the code version (default: the git commit checked out here, else the library's assembly version)." };
        var command = new Command("add", "Hash files or directories into the cache and write PATH.dvc (like dvc add); with --input/--param/--feature-set the .dvc file records the lineage under meta.")
        {
            paths, data, repo, inputs, parameters, featureSet, codeVersion,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var problems = new List<string>();
            var lineage = ParseLineage(r.GetValue(inputs) ?? [], r.GetValue(parameters) ?? [], r.GetValue(featureSet), r.GetValue(codeVersion), problems);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return 3;
            }
            var repository = Open(r, data, repo);
            var progress = new DatasetProgressLines();
            foreach (var path in r.GetValue(paths)!)
            {
                var result = await repository.AddAsync(path, lineage, progress, ct);
                r.InvocationConfiguration.Output.WriteLine($"{Relative(repository, result.DvcFile)}: {result.Output.Md5}, {result.Files} file(s), {result.Bytes} bytes, {result.ObjectsStored} new object(s) in the cache");
            }
            return 0;
        }));
        return command;
    }

    private static DatasetLineage? ParseLineage(string[] inputs, string[] parameters, string? featureSet, string? codeVersion, List<string> problems)
    {
        if (inputs.Length == 0 && parameters.Length == 0 && featureSet is null && codeVersion is null)
        {
            return null;
        }
        var snapshots = new List<InputSnapshot>();
        foreach (var input in inputs)
        {
            try
            {
                snapshots.Add(InputSnapshot.Parse(input));
            }
            catch (DatasetException e)
            {
                problems.Add($"--input: {e.Message}");
            }
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in parameters)
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                problems.Add($"--param: expected key=value, actual '{p}'");
                continue;
            }
            values[p[..eq]] = p[(eq + 1)..];
        }
        FeatureSetVersion? fs = null;
        if (featureSet is not null)
        {
            var at = featureSet.LastIndexOf('@');
            if (at <= 0 || at == featureSet.Length - 1)
            {
                problems.Add($"--feature-set: expected name@version, actual '{featureSet}'");
            }
            else
            {
                fs = new FeatureSetVersion(featureSet[..at], featureSet[(at + 1)..]);
            }
        }
        var lineage = new DatasetLineage { Inputs = snapshots, Parameters = values, FeatureSet = fs };
        return codeVersion is null ? lineage : lineage with { CodeVersion = codeVersion };
    }

    private static Command Status()
    {
        var data = CommonOptions.Data();
        var repo = RepoOption();
        var targets = Targets("Tracked paths or .dvc files (default: every .dvc file in the repository).");
        var command = new Command("status", "Show which tracked datasets differ from their .dvc files (modified, new and deleted files) and which objects the cache lacks, like dvc status.")
        {
            targets, data, repo,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var repository = Open(r, data, repo);
            var status = await repository.StatusAsync(r.GetValue(targets), new DatasetProgressLines(), ct);
            var output = r.InvocationConfiguration.Output;
            foreach (var o in status.Outputs)
            {
                var missing = o.ObjectsMissingFromCache switch
                {
                    0 => "",
                    < 0 => ", its manifest is not in the cache (pull)",
                    var n => $", {n} object(s) not in the cache (pull)",
                };
                output.WriteLine($"{Relative(repository, o.DvcFile)}: {o.Output.Path} {o.State.ToString().ToLowerInvariant()}{missing}");
                foreach (var change in o.Changes)
                {
                    output.WriteLine($"    {(change.Kind == FileChangeKind.Added ? "new" : change.Kind.ToString().ToLowerInvariant())}: {change.RelPath}");
                }
            }
            if (status.Outputs.Count == 0)
            {
                output.WriteLine("No tracked datasets.");
            }
            else if (status.IsClean)
            {
                output.WriteLine("Data and pipelines are up to date.");
            }
            return 0;
        }));
        return command;
    }

    private static Command Checkout()
    {
        var data = CommonOptions.Data();
        var repo = RepoOption();
        var targets = Targets("Tracked paths or .dvc files (default: every .dvc file in the repository).");
        var force = new Option<bool>("--force", "-f") { Description = "Overwrite or delete workspace files whose bytes are not in the cache (uncommitted work is lost)." };
        var command = new Command("checkout", "Restore tracked datasets in the workspace from the cache, atomically per file, like dvc checkout.")
        {
            targets, data, repo, force,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var summary = await Open(r, data, repo).CheckoutAsync(r.GetValue(targets), r.GetValue(force), new DatasetProgressLines(), ct);
            r.InvocationConfiguration.Output.WriteLine(Describe(summary));
            return 0;
        }));
        return command;
    }

    private static Command Transfer(bool push)
    {
        var data = CommonOptions.Data();
        var repo = RepoOption();
        var targets = Targets("Tracked paths or .dvc files (default: every .dvc file in the repository).");
        var remote = new Option<string?>("--remote", "-r") { Description = "The remote (default: core.remote in .dvc/config)." };
        var defaults = new DatasetOptions();
        var jobs = new Option<int>("--jobs", "-j") { Description = "Objects transferred at once.", DefaultValueFactory = _ => defaults.Concurrency };
        var noChunkEncoding = new Option<bool>("--no-chunk-encoding") { Description = "Sign S3 bodies whole instead of aws-chunked streaming (needed for s3rver, which stores the chunk framing as bytes)." };
        var force = new Option<bool>("--force", "-f") { Description = "Checkout: overwrite or delete workspace files whose bytes are not in the cache." };
        var command = push
            ? new Command("push", "Send the cache objects of tracked datasets the remote lacks to <url>/files/md5/xx/…, verified, like dvc push.") { targets, data, repo, remote, jobs, noChunkEncoding }
            : new Command("pull", "Fetch the objects of tracked datasets the cache lacks from the remote, verified, and check them out, like dvc pull.") { targets, data, repo, remote, jobs, noChunkEncoding, force };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var options = new DatasetOptions
            {
                Concurrency = r.GetValue(jobs),
                S3 = new S3ObjectStoreOptions { UseChunkEncoding = !r.GetValue(noChunkEncoding) },
            };
            var repository = Open(r, data, repo, options);
            var progress = new DatasetProgressLines();
            var summary = push
                ? await repository.PushAsync(r.GetValue(targets), r.GetValue(remote), progress, ct)
                : await repository.PullAsync(r.GetValue(targets), r.GetValue(remote), r.GetValue(force), progress, ct);
            r.InvocationConfiguration.Output.WriteLine($"{summary.Remote}: {summary.Objects} object(s), {summary.Transferred} {(push ? "pushed" : "fetched")}, {summary.AlreadyThere} already {(push ? "there" : "cached")}, {summary.Bytes} bytes");
            if (summary.Checkout is { } checkout)
            {
                r.InvocationConfiguration.Output.WriteLine(Describe(checkout));
            }
            return 0;
        }));
        return command;
    }

    private static Command Remote()
    {
        var data = CommonOptions.Data();
        var repo = RepoOption();
        var name = new Argument<string>("NAME") { Description = "The remote's name, e.g. storage." };
        var url = new Argument<string>("URL") { Description = "s3://bucket/prefix, or a folder." };
        var endpoint = new Option<string?>("--endpoint") { Description = "endpointurl: an S3-compatible endpoint such as http://127.0.0.1:9000 (MinIO, s3rver)." };
        var region = new Option<string?>("--region") { Description = "region: the signing region." };
        var notDefault = new Option<bool>("--no-default") { Description = "Do not make it core.remote." };
        var command = new Command("remote", "Add or change an S3 remote in .dvc/config (like dvc remote add -d); credentials come from the AWS environment or .dvc/config.local.")
        {
            name, url, data, repo, endpoint, region, notDefault,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(() =>
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (r.GetValue(endpoint) is { } e)
            {
                settings["endpointurl"] = e;
            }
            if (r.GetValue(region) is { } g)
            {
                settings["region"] = g;
            }
            var repository = Open(r, data, repo);
            repository.SetRemote(r.GetValue(name)!, r.GetValue(url)!, settings, makeDefault: !r.GetValue(notDefault));
            r.InvocationConfiguration.Output.WriteLine($"{Relative(repository, Path.Combine(repository.DvcDirectory, "config"))}: remote {r.GetValue(name)} = {r.GetValue(url)}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static string Describe(CheckoutSummary s) =>
        $"checkout: {s.FilesWritten} file(s) restored ({s.BytesWritten} bytes), {s.FilesUnchanged} unchanged, {s.FilesDeleted} deleted";

    private static string Relative(DvcRepository repository, string path) => Path.GetRelativePath(repository.Root, path).Replace(Path.DirectorySeparatorChar, '/');
}
