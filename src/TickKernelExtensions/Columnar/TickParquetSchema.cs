using TickKernelExtensions.Columnar.Format;

namespace TickKernelExtensions.Columnar;

/// <summary>
/// The tick file schema, which is the Iceberg tick table's schema (schema-id 0). Every Parquet column
/// carries its Iceberg field id, and the footer holds the same schema as JSON under
/// <see cref="IcebergSchemaKey"/>, as Iceberg's Java writer does.
/// <code>
/// id  name        Parquet                                         Iceberg      required
/// 1   symbol      BYTE_ARRAY STRING (UTF8), dictionary            string       yes
/// 2   ts          INT64 TIMESTAMP(UTC, MICROS) (TIMESTAMP_MICROS) timestamptz  yes
/// 3   bid         DOUBLE                                          double       no
/// 4   ask         DOUBLE                                          double       no
/// 5   bid_volume  FLOAT   (null where the source gave none)       float        no
/// 6   ask_volume  FLOAT   (null where the source gave none)       float        no
/// </code>
/// </summary>
public static class TickParquetSchema
{
    public const string Symbol = "symbol";
    public const string Timestamp = "ts";
    public const string Bid = "bid";
    public const string Ask = "ask";
    public const string BidVolume = "bid_volume";
    public const string AskVolume = "ask_volume";

    public const int SymbolFieldId = 1;
    public const int TimestampFieldId = 2;
    public const int BidFieldId = 3;
    public const int AskFieldId = 4;
    public const int BidVolumeFieldId = 5;
    public const int AskVolumeFieldId = 6;

    /// <summary>The footer key-value entry holding <see cref="IcebergSchemaJson"/>.</summary>
    public const string IcebergSchemaKey = "iceberg.schema";

    /// <summary>The Iceberg schema JSON of the tick table, in the form Iceberg's SchemaParser writes.</summary>
    public const string IcebergSchemaJson =
        """{"type":"struct","schema-id":0,"fields":[""" +
        """{"id":1,"name":"symbol","required":true,"type":"string"},""" +
        """{"id":2,"name":"ts","required":true,"type":"timestamptz"},""" +
        """{"id":3,"name":"bid","required":false,"type":"double"},""" +
        """{"id":4,"name":"ask","required":false,"type":"double"},""" +
        """{"id":5,"name":"bid_volume","required":false,"type":"float"},""" +
        """{"id":6,"name":"ask_volume","required":false,"type":"float"}]}""";

    /// <summary>The Parquet schema: the root group, then the six leaves in field-id order.</summary>
    internal static IReadOnlyList<SchemaElement> Elements { get; } =
    [
        new("schema") { NumChildren = 6 },
        new(Symbol)
        {
            Type = PhysicalType.ByteArray, RepetitionType = Repetition.Required, FieldId = SymbolFieldId,
            ConvertedType = ConvertedType.Utf8, LogicalType = LogicalType.String,
        },
        new(Timestamp)
        {
            Type = PhysicalType.Int64, RepetitionType = Repetition.Required, FieldId = TimestampFieldId,
            ConvertedType = ConvertedType.TimestampMicros, LogicalType = LogicalType.TimestampMicrosUtc,
        },
        new(Bid) { Type = PhysicalType.Double, RepetitionType = Repetition.Optional, FieldId = BidFieldId },
        new(Ask) { Type = PhysicalType.Double, RepetitionType = Repetition.Optional, FieldId = AskFieldId },
        new(BidVolume) { Type = PhysicalType.Float, RepetitionType = Repetition.Optional, FieldId = BidVolumeFieldId },
        new(AskVolume) { Type = PhysicalType.Float, RepetitionType = Repetition.Optional, FieldId = AskVolumeFieldId },
    ];
}
