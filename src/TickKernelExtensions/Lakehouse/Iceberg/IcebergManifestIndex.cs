using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A parsed manifest's live entries laid out for pruning: data and delete entries apart, and, built on first use and
/// kept with the manifest (which <see cref="IcebergReadCache"/> keeps), a column per partition field and per column
/// bound of integer-like values (int, long, date, time, timestamps) as ordinals. Pruning a file is then a few array
/// reads instead of dictionary lookups, boxing and decoding per file and per query, which mattered once a table has
/// hundreds of files. A value that does not convert is marked <see cref="Generic"/>, and the planner compares that
/// one as before (so a bad bound still fails where it did). Thread safe.
/// </summary>
internal sealed class IcebergManifestIndex
{
    /// <summary>No value: the file does not say (no partition value or bound for the field).</summary>
    public const byte Missing = 0;

    /// <summary>A null partition value.</summary>
    public const byte Null = 1;

    /// <summary>An ordinal in <see cref="Column.Values"/>.</summary>
    public const byte Value = 2;

    /// <summary>Not an ordinal: compare the raw value.</summary>
    public const byte Generic = 3;

    private static readonly ConditionalWeakTable<IcebergManifest, IcebergManifestIndex> Indexes = new();
    private readonly ConcurrentDictionary<(int Id, IcebergTypeId Type, char Kind), Column> _columns = new();
    private readonly ConcurrentDictionary<int, bool[]> _onlyNulls = new();

    private IcebergManifestIndex(IcebergManifest manifest)
    {
        var live = manifest.Entries.Where(e => e.IsLive).ToList();
        Data = live.Where(e => e.DataFile.Content == IcebergFileContent.Data).ToArray();
        Deletes = live.Where(e => e.DataFile.Content != IcebergFileContent.Data).ToArray();
    }

    /// <summary>The live data entries, in manifest order.</summary>
    public IcebergManifestEntry[] Data { get; }

    /// <summary>The live delete entries, in manifest order.</summary>
    public IcebergManifestEntry[] Deletes { get; }

    /// <summary>The index of a parsed manifest (one per manifest object).</summary>
    public static IcebergManifestIndex Of(IcebergManifest manifest) => Indexes.GetValue(manifest, m => new IcebergManifestIndex(m));

    /// <summary>Each data entry's value of partition field <paramref name="partitionFieldId"/> as an ordinal of <paramref name="type"/>.</summary>
    public Column Partition(int partitionFieldId, IcebergPrimitiveType type) =>
        _columns.GetOrAdd((partitionFieldId, type.TypeId, 'p'), _ => Build(e =>
        {
            if (!e.DataFile.Partition.TryGetValue(partitionFieldId, out var value))
            {
                return (Missing, 0);
            }
            return value is null ? (Null, 0) : (Value, IcebergValues.ToOrdinal(type, value));
        }));

    /// <summary>Each data entry's lower (<paramref name="upper"/> false) or upper bound of column <paramref name="fieldId"/> as an ordinal of <paramref name="type"/>.</summary>
    public Column Bound(int fieldId, IcebergPrimitiveType type, bool upper) =>
        _columns.GetOrAdd((fieldId, type.TypeId, upper ? 'u' : 'l'), _ => Build(e =>
        {
            var bounds = upper ? e.DataFile.UpperBounds : e.DataFile.LowerBounds;
            if (bounds?.TryGetValue(fieldId, out var bytes) != true || bytes is null)
            {
                return (Missing, 0);
            }
            return (Value, OrdinalBound(type, bytes));
        }));

    /// <summary>Per data entry: true when its column <paramref name="fieldId"/> holds only nulls (value count equals null count).</summary>
    public bool[] OnlyNulls(int fieldId) =>
        _onlyNulls.GetOrAdd(fieldId, id => Data.Select(e =>
            e.DataFile.ValueCounts?.TryGetValue(id, out var values) == true
            && e.DataFile.NullValueCounts?.TryGetValue(id, out var nulls) == true && values == nulls).ToArray());

    /// <summary>A serialised bound of an integer-like type as its ordinal: 4 bytes (int, date, or a long promoted from int in an older file) or 8.</summary>
    public static long OrdinalBound(IcebergPrimitiveType type, byte[] bytes) => bytes switch
    {
        { Length: 4 } when type.TypeId is IcebergTypeId.Int or IcebergTypeId.Date or IcebergTypeId.Long => BinaryPrimitives.ReadInt32LittleEndian(bytes),
        { Length: >= 8 } when type.TypeId is not (IcebergTypeId.Int or IcebergTypeId.Date) => BinaryPrimitives.ReadInt64LittleEndian(bytes),
        _ => IcebergValues.ToOrdinal(type, IcebergSingleValue.FromBytes(type, bytes)),
    };

    private Column Build(Func<IcebergManifestEntry, (byte State, long Value)> read)
    {
        var states = new byte[Data.Length];
        var values = new long[Data.Length];
        for (var i = 0; i < Data.Length; i++)
        {
            try
            {
                (states[i], values[i]) = read(Data[i]);
            }
            catch (Exception e) when (e is IcebergException or InvalidCastException or OverflowException)
            {
                states[i] = Generic;
            }
        }
        return new Column(states, values);
    }

    /// <summary>One value per data entry: its state (<see cref="Missing"/>, <see cref="Null"/>, <see cref="Value"/>, <see cref="Generic"/>) and ordinal.</summary>
    internal sealed record Column(byte[] States, long[] Values);
}
