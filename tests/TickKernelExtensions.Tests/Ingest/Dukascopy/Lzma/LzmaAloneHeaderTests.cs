using System.Text;
using TickKernelExtensions.Ingest.Dukascopy.Lzma;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Dukascopy.Lzma;

public sealed class LzmaAloneHeaderTests
{
    [Fact]
    public void Read_EveryBi5Fixture_IsDukascopyHeaderWithSize()
    {
        foreach (var path in Bi5Fixtures.NonEmpty)
        {
            var header = LzmaAloneHeader.Read(Bi5Fixtures.Read(path));
            Assert.Equal(LzmaAloneHeader.DukascopyProperties, header.Properties);
            Assert.Equal(4u << 20, header.DictionarySize);
            Assert.True(header.HasKnownSize, path);
        }
    }

    [Fact]
    public void Read_EurUsdTickFixture_StatesRecordCountTimesTwenty() =>
        Assert.Equal(3_733UL * 20, LzmaAloneHeader.Read(Bi5Fixtures.Read(Bi5Fixtures.EurUsdTicks)).UncompressedSize);

    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        var header = LzmaAloneHeader.ForDukascopy(74_660);
        var bytes = new byte[LzmaAloneHeader.Size];
        header.Write(bytes);
        Assert.Equal([0x5D, 0x00, 0x00, 0x40, 0x00, 0xA4, 0x23, 0x01, 0, 0, 0, 0, 0], bytes);
        Assert.Equal(header, LzmaAloneHeader.Read(bytes));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head></html>")]
    [InlineData("<html><body>503 Service Unavailable</body></html>")]
    [InlineData("  \n<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>")]
    [InlineData("{\"error\":\"rate limited\"}")]
    public void Read_TextPage_ThrowsNotLzmaSayingItLooksLikeText(string page)
    {
        var e = Assert.Throws<MarketDataException>(() => LzmaAloneHeader.Read(Encoding.UTF8.GetBytes(page)));
        Assert.Equal(MarketDataErrorKind.NotLzma, e.Kind);
        Assert.Contains("looks like text", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0xE1)] // 225: beyond (4 * 5 + 4) * 9 + 8
    [InlineData(0x08)] // lc 8: lc + lp > 4
    [InlineData(0x67)] // lc 4, lp 1, pb 2: lc + lp = 5
    public void Read_BadPropertiesByte_ThrowsNotLzmaNamingTheField(byte properties)
    {
        var bytes = new byte[LzmaAloneHeader.Size];
        LzmaAloneHeader.ForDukascopy(20).Write(bytes);
        bytes[0] = properties;
        var e = Assert.Throws<MarketDataException>(() => LzmaAloneHeader.Read(bytes));
        Assert.Equal(MarketDataErrorKind.NotLzma, e.Kind);
        Assert.Equal("properties byte", e.Field);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(1000u)]
    [InlineData(5_000_000u)]
    [InlineData(0x8000_0000u)]
    public void Read_OddDictionarySize_ThrowsNotLzma(uint dictionary)
    {
        var bytes = new byte[LzmaAloneHeader.Size];
        new LzmaAloneHeader(0x5D, dictionary, 20).Write(bytes);
        var e = Assert.Throws<MarketDataException>(() => LzmaAloneHeader.Read(bytes));
        Assert.Equal(MarketDataErrorKind.NotLzma, e.Kind);
        Assert.Equal("dictionary size", e.Field);
    }

    [Theory]
    [InlineData(1u << 12)]
    [InlineData(3u << 20)]
    [InlineData(1u << 26)]
    public void Read_PowerOfTwoOrOneAndAHalfDictionary_Accepted(uint dictionary)
    {
        var bytes = new byte[LzmaAloneHeader.Size];
        new LzmaAloneHeader(0x5D, dictionary, LzmaAloneHeader.UnknownSize).Write(bytes);
        Assert.False(LzmaAloneHeader.Read(bytes).HasKnownSize);
    }

    [Fact]
    public void Read_SizeBeyondOneArray_ThrowsNotLzma()
    {
        var bytes = new byte[LzmaAloneHeader.Size];
        new LzmaAloneHeader(0x5D, 4u << 20, 1UL << 40).Write(bytes);
        var e = Assert.Throws<MarketDataException>(() => LzmaAloneHeader.Read(bytes));
        Assert.Equal(MarketDataErrorKind.NotLzma, e.Kind);
        Assert.Equal("uncompressed size", e.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    public void Read_ValidHeaderCutShort_ThrowsTruncated(int length)
    {
        var bytes = new byte[LzmaAloneHeader.Size];
        LzmaAloneHeader.ForDukascopy(20).Write(bytes);
        var e = Assert.Throws<MarketDataException>(() => LzmaAloneHeader.Read(bytes.AsSpan(0, length)));
        Assert.Equal(MarketDataErrorKind.Truncated, e.Kind);
    }

    [Fact]
    public void Read_RandomBytes_ThrowsNotLzma()
    {
        var random = new Random(20190204);
        var bytes = new byte[1000];
        for (var i = 0; i < 200; i++)
        {
            random.NextBytes(bytes);
            var e = Assert.Throws<MarketDataException>(() => LzmaAloneHeader.Read(bytes));
            Assert.Equal(MarketDataErrorKind.NotLzma, e.Kind);
        }
    }
}
