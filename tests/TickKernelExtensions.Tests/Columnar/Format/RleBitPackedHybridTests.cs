using TickKernelExtensions.Columnar.Format;

namespace TickKernelExtensions.Tests.Columnar.Format;

public sealed class RleBitPackedHybridTests
{
    [Fact]
    public void Encode_AllOnes_IsOneRleRun()
    {
        var levels = Enumerable.Repeat((byte)1, 131_072).ToArray();

        var encoded = Encode(levels);

        // varint(131072 << 1) = 0x80 0x80 0x10, then the value byte.
        Assert.Equal([0x80, 0x80, 0x10, 0x01], encoded);
        Assert.Equal(encoded.Length, RleBitPackedHybrid.RunLength(levels.Length));
    }

    [Fact]
    public void Encode_Alternating_IsBitPackedLeastSignificantBitFirst()
    {
        var levels = Enumerable.Range(0, 16).Select(i => (byte)(i % 2)).ToArray();

        Assert.Equal([0x05, 0xAA, 0xAA], Encode(levels));
    }

    [Fact]
    public void Encode_RaggedEnd_PadsOnlyTheLastGroup()
    {
        byte[] levels = [1, 0, 1];

        Assert.Equal([0x03, 0x05], Encode(levels));
        Assert.Equal(levels, Decode(Encode(levels), levels.Length));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Encode_RandomRunsAndNoise_DecodesToTheSameLevelsWithinTheBound(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var levels = new byte[random.Next(1, 3_000)];
            for (var i = 0; i < levels.Length;)
            {
                // Mix runs of every length with stretches of noise.
                var value = (byte)random.Next(2);
                var length = random.Next(3) == 0 ? random.Next(1, 100) : random.Next(1, 9);
                for (var j = 0; j < length && i < levels.Length; j++, i++)
                {
                    levels[i] = random.Next(4) == 0 ? (byte)random.Next(2) : value;
                }
            }

            var encoded = Encode(levels);

            Assert.True(encoded.Length <= RleBitPackedHybrid.MaxEncodedLength(levels.Length), $"{encoded.Length} > bound for {levels.Length}");
            Assert.Equal(levels, Decode(encoded, levels.Length));
        }
    }

    [Fact]
    public void Encode_WorstCasePattern_StaysWithinTheBound()
    {
        // Runs of exactly 8 alternating with single opposite values: RLE and bit-packed runs interleave.
        var levels = Enumerable.Range(0, 90_000).Select(i => (byte)(i % 9 == 8 ? 0 : 1)).ToArray();

        var encoded = Encode(levels);

        Assert.True(encoded.Length <= RleBitPackedHybrid.MaxEncodedLength(levels.Length));
        Assert.Equal(levels, Decode(encoded, levels.Length));
    }

    [Fact]
    public void WriteLengthPrefixed_PrefixesTheLittleEndianLength()
    {
        var destination = new byte[64];

        var n = RleBitPackedHybrid.WriteLengthPrefixed([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], destination);

        Assert.Equal([0x02, 0x00, 0x00, 0x00, 0x14, 0x01], destination[..n]);
    }

    private static byte[] Encode(byte[] levels)
    {
        var destination = new byte[RleBitPackedHybrid.MaxEncodedLength(levels.Length)];
        return destination[..RleBitPackedHybrid.Encode(levels, destination)];
    }

    /// <summary>A plain decoder written from the format description, independent of the encoder.</summary>
    private static byte[] Decode(byte[] encoded, int count)
    {
        var levels = new List<byte>();
        var pos = 0;
        while (levels.Count < count)
        {
            uint header = 0;
            var shift = 0;
            byte b;
            do
            {
                b = encoded[pos++];
                header |= (uint)(b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            if ((header & 1) == 1)
            {
                for (var g = 0; g < (int)(header >> 1); g++)
                {
                    var packed = encoded[pos++];
                    for (var bit = 0; bit < 8; bit++)
                    {
                        levels.Add((byte)((packed >> bit) & 1));
                    }
                }
            }
            else
            {
                var value = encoded[pos++];
                levels.AddRange(Enumerable.Repeat(value, (int)(header >> 1)));
            }
        }
        Assert.Equal(encoded.Length, pos);
        return levels.Take(count).ToArray();
    }
}
