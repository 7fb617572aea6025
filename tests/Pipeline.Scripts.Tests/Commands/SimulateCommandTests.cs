namespace Pipeline.Scripts.Tests.Commands;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_SameOptionsTwice_SameFolderSameBytes()
    {
        using var dir = new TempDirectory();
        string[] args = ["simulate", "--data", dir.Path, "--symbols", "USDJPY", "--from", "2024-03-08", "--to", "2024-03-09", "--tick-rate-scale", "0.05"];

        Assert.Equal(0, (await CliRunner.RunAsync(args)).Exit);
        var mirror = Assert.Single(Directory.GetDirectories(dir.Combine("mirror")));
        var first = Directory.GetFiles(mirror, "*.bi5", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList();
        Assert.Equal(24, first.Count);
        Assert.Equal(0, (await CliRunner.RunAsync(args)).Exit);

        Assert.Equal(first, Directory.GetFiles(mirror, "*.bi5", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList());
        Assert.True(File.Exists(Path.Combine(mirror, "simulation.json")));
    }

    [Fact]
    public async Task Simulate_OtherSeed_OtherFolder()
    {
        using var dir = new TempDirectory();
        string[] common = ["simulate", "--data", dir.Path, "--symbols", "USDJPY", "--from", "2024-03-08", "--to", "2024-03-08T02:00", "--tick-rate-scale", "0.05"];

        await CliRunner.RunAsync([.. common, "--seed", "1"]);
        await CliRunner.RunAsync([.. common, "--seed", "2"]);

        Assert.Equal(2, Directory.GetDirectories(dir.Combine("mirror")).Length);
    }
}
