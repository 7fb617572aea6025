using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Tests.Datasets;
using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Tests.Tracking;

/// <summary>
/// PyYAML, the library MLflow's FileStore reads and writes meta.yaml with: every meta.yaml we write loads with the
/// types MLflow expects and dumps back (<c>yaml.safe_dump</c>, sorted keys, as <c>mlflow.utils.file_utils.write_yaml</c>)
/// to the same text; metric lines parse as MLflow's <c>_get_metric_from_line</c> does.
/// </summary>
public sealed class PythonYamlCrossCheckTests
{
    private const string Script = """
import sys, os, json, yaml
root = sys.argv[1]
out = []
for d, _, files in sorted(os.walk(root)):
    for f in sorted(files):
        p = os.path.join(d, f)
        rel = os.path.relpath(p, root)
        text = open(p).read()
        if f == 'meta.yaml':
            data = yaml.safe_load(text)
            same = yaml.safe_dump(data, default_flow_style=False, allow_unicode=True) == text
            out.append([rel, same, {k: type(v).__name__ for k, v in data.items()}])
        elif os.sep + 'metrics' + os.sep in p:
            for line in text.splitlines():
                ts, val, step = line.split(' ')
                out.append([rel, int(ts), float(val), int(step)])
print(json.dumps(out, sort_keys=True))
""";

    [Fact]
    public async Task MetaYaml_PyYamlRoundTrip_SameTextAndMlflowTypes()
    {
        using var dir = new TempDirectory();
        var store = FileTrackingStore.Open(dir.Combine("mlruns"), new FileTrackingStoreOptions
        {
            TimeProvider = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1765068766881)),
            Random = new Random(7),
        });
        var ct = TestContext.Current.CancellationToken;
        var exp = await store.CreateExperimentAsync("wine quality: 2025", ct);
        var run = await store.CreateRunAsync(new RunCreation { ExperimentId = exp, RunName = "true", UserId = "", StartTime = 1765068767492 }, ct);
        await store.LogBatchAsync(run.RunId, [new Metric("test_mae", 0.6453803508338732, 1765068767915), new Metric("big", 1e20, 1, 3), new Metric("tiny", 1e-7, 1)], [], [], ct);
        await store.UpdateRunAsync(run.RunId, RunStatus.Finished, 1765068783668, ct);
        await store.EnsureRegisteredModelAsync("tick-model", cancellationToken: ct);
        await store.CreateModelVersionAsync("tick-model", $"runs:/{run.RunId}/model", run.RunId, cancellationToken: ct);
        var running = await store.CreateRunAsync(new RunCreation { ExperimentId = exp, RunName = "2024-03-04", StartTime = 1 }, ct);

        var json = PythonReference.Run("yaml", Script, dir.Combine("mlruns"));

        Assert.DoesNotContain("false", json, StringComparison.Ordinal);
        Assert.Contains("[\"0/meta.yaml\", true, {\"artifact_location\": \"str\", \"creation_time\": \"int\", \"experiment_id\": \"str\", \"last_update_time\": \"int\", \"lifecycle_stage\": \"str\", \"name\": \"str\"}]", json, StringComparison.Ordinal);
        Assert.Contains($"[\"{exp}/{run.RunId}/meta.yaml\", true, {{\"artifact_uri\": \"str\", \"end_time\": \"int\", \"entry_point_name\": \"str\", \"experiment_id\": \"str\", \"lifecycle_stage\": \"str\", \"run_id\": \"str\", \"run_name\": \"str\", \"run_uuid\": \"str\", \"source_name\": \"str\", \"source_type\": \"int\", \"source_version\": \"str\", \"start_time\": \"int\", \"status\": \"int\", \"tags\": \"list\", \"user_id\": \"str\"}}]", json, StringComparison.Ordinal);
        Assert.Contains($"\"{exp}/{running.RunId}/meta.yaml\", true, {{\"artifact_uri\": \"str\", \"end_time\": \"NoneType\"", json, StringComparison.Ordinal);
        Assert.Contains("[\"models/tick-model/version-1/meta.yaml\", true, {\"aliases\": \"list\", \"creation_timestamp\": \"int\", \"current_stage\": \"str\", \"description\": \"NoneType\"", json, StringComparison.Ordinal);
        Assert.Contains($"[\"{exp}/{run.RunId}/metrics/test_mae\", 1765068767915, 0.6453803508338732, 0]", json, StringComparison.Ordinal);
        Assert.Contains($"[\"{exp}/{run.RunId}/metrics/big\", 1, 1e+20, 3]", json, StringComparison.Ordinal);
        Assert.Contains($"[\"{exp}/{run.RunId}/metrics/tiny\", 1, 1e-07, 0]", json, StringComparison.Ordinal);
    }
}
