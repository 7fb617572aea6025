using System.Text.Json.Nodes;
using Pipeline.Scripts.Kernel;
using Pipeline.Scripts.Kernel.Kernelspec;

namespace Pipeline.Scripts.Tests.Kernel.Kernelspec;

public sealed class KernelspecWriterTests
{
    [Fact]
    public void Install_WritesKernelJsonAndLogos()
    {
        using var dir = new TempDirectory();

        var folder = KernelspecWriter.Install(dir.Path);

        Assert.Equal(dir.Combine("kernels", KernelspecWriter.DefaultName), folder);
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Equal(["kernel", "start", "-f", "{connection_file}"], argv[^4..]);
        Assert.True(Path.IsPathRooted(argv[0]) && File.Exists(argv[1]), string.Join(' ', argv));
        Assert.Equal(("C#", "message", KernelspecWriter.DisplayName), ((string)spec["language"]!, (string)spec["interrupt_mode"]!, (string)spec["display_name"]!));
        foreach (var (file, size) in new[] { ("logo-32x32.png", 32), ("logo-64x64.png", 64) })
        {
            var png = File.ReadAllBytes(Path.Combine(folder, file));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Equal(size, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        }
    }

    [Fact]
    public void Install_InvalidName_Refused()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<KernelException>(() => KernelspecWriter.Install(dir.Path, "bad name/"));

        Assert.Contains("'bad name/'", e.Message, StringComparison.Ordinal);
    }
}
