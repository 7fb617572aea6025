using System.Text.Json;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Tests.Datasets;

namespace TickKernelExtensions.Tests.Modeling.Export;

/// <summary>
/// An independent reading of a written bundle by Python: PyYAML (the library MLflow reads MLmodel with) loads MLmodel
/// with the types MLflow expects, <c>json.dumps</c> of the parsed signature reproduces our strings exactly, and
/// hashlib recomputes every manifest entry and the content hash from the files on disk.
/// </summary>
public sealed class PythonBundleCrossCheckTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private const string Script = """
import sys, os, json, hashlib, yaml
folder = sys.argv[1]
m = yaml.safe_load(open(os.path.join(folder, 'MLmodel'), encoding='utf-8').read())
sig = m['signature']
out = {
    'types': {k: type(v).__name__ for k, v in m.items()},
    'inputs_same': json.dumps(json.loads(sig['inputs'])) == sig['inputs'],
    'outputs_same': json.dumps(json.loads(sig['outputs'])) == sig['outputs'],
    'params': sig['params'],
    'flavor': m['flavors']['mlnet'],
    'dump_reloads_equal': yaml.safe_load(yaml.safe_dump(m, default_flow_style=False)) == m,
}
manifest = json.load(open(os.path.join(folder, 'manifest.json'), encoding='utf-8'))
entries = {e['path']: e for e in manifest['files']}
lines, bad = '', []
for f in sorted(os.listdir(folder)):
    if f == 'manifest.json':
        continue
    data = open(os.path.join(folder, f), 'rb').read()
    h = hashlib.sha256(data).hexdigest()
    if f not in entries or entries[f]['sha256'] != h or entries[f]['size'] != len(data):
        bad.append(f)
    if f != 'MLmodel':
        lines += '%s %d %s\n' % (h, len(data), f)
out['bad'] = bad
out['listed'] = sorted(entries)
out['content_hash'] = hashlib.sha256(lines.encode('utf-8')).hexdigest()
print(json.dumps(out, sort_keys=True))
""";

    [Fact]
    public void Bundle_ReadByPython_MlModelTypesSignatureStringsAndHashesAgree()
    {
        using var temp = new TempDirectory();
        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier, new AnomalyDetector(models.Anomaly, 0.5)), BundleTestModels.Options(temp.Path));

        using var result = JsonDocument.Parse(PythonReference.Run("yaml", Script, info.Folder));

        var r = result.RootElement;
        Assert.Equal(
            [("artifact_path", "str"), ("flavors", "dict"), ("model_uuid", "str"), ("signature", "dict"), ("utc_time_created", "str")],
            r.GetProperty("types").EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
        Assert.True(r.GetProperty("inputs_same").GetBoolean());
        Assert.True(r.GetProperty("outputs_same").GetBoolean());
        Assert.True(r.GetProperty("dump_reloads_equal").GetBoolean());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("params").ValueKind);
        Assert.Equal("5.0.1", r.GetProperty("flavor").GetProperty("mlnet_version").GetString());
        Assert.Empty(r.GetProperty("bad").EnumerateArray());
        Assert.Equal(info.Files.Select(f => f.Path), r.GetProperty("listed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(info.ContentHash, r.GetProperty("content_hash").GetString());
    }
}
