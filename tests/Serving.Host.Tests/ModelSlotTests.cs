using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Processing.Bars;

namespace Serving.Host.Tests;

/// <summary>The reference counting behind hot reload: an old generation lives exactly as long as its last lease.</summary>
public sealed class ModelSlotTests(TestBundles bundles) : IClassFixture<TestBundles>
{
    private ServedModel Load(string version) =>
        new(ModelBundle.Load(bundles.Bundle(version)), null, DateTimeOffset.UnixEpoch, new TimeBarOptions(), TimeSpan.FromMinutes(1));

    [Fact]
    public void Swap_WhileALeaseIsHeld_DisposesTheOldModelOnlyWhenTheLeaseEnds()
    {
        using var slot = new ModelSlot();
        var first = Load("1");
        slot.Swap(first);
        var lease = slot.Acquire()!;

        slot.Swap(Load("2"));
        var stillUsable = !first.IsDisposed;
        lease.Dispose();

        Assert.True(stillUsable);
        Assert.True(first.IsDisposed);
        using var next = slot.Acquire()!;
        Assert.Equal("2", next.Model.Bundle.Version);
        Assert.False(next.Model.IsDisposed);
    }

    [Fact]
    public void Acquire_WithoutAModel_ReturnsNull()
    {
        using var slot = new ModelSlot();

        Assert.Null(slot.Acquire());
    }
}
