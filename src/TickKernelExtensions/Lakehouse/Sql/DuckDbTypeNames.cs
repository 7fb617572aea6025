namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// DuckDB's SQL type name for the names DuckDB.NET's reader gives (its <c>DuckDBType</c> enum), for the types that
/// have no parameters; null for the rest (DECIMAL(p,s), lists, arrays, structs, maps, enums, unions), whose full
/// name only DESCRIBE knows.
/// </summary>
internal static class DuckDbTypeNames
{
    private static readonly Dictionary<string, string> Plain = new(StringComparer.Ordinal)
    {
        ["Boolean"] = "BOOLEAN",
        ["TinyInt"] = "TINYINT",
        ["SmallInt"] = "SMALLINT",
        ["Integer"] = "INTEGER",
        ["BigInt"] = "BIGINT",
        ["HugeInt"] = "HUGEINT",
        ["UnsignedTinyInt"] = "UTINYINT",
        ["UnsignedSmallInt"] = "USMALLINT",
        ["UnsignedInteger"] = "UINTEGER",
        ["UnsignedBigInt"] = "UBIGINT",
        ["UnsignedHugeInt"] = "UHUGEINT",
        ["Float"] = "FLOAT",
        ["Double"] = "DOUBLE",
        ["Varchar"] = "VARCHAR",
        ["Blob"] = "BLOB",
        ["Date"] = "DATE",
        ["Time"] = "TIME",
        ["Timestamp"] = "TIMESTAMP",
        ["TimestampTz"] = "TIMESTAMP WITH TIME ZONE",
        ["TimestampS"] = "TIMESTAMP_S",
        ["TimestampMs"] = "TIMESTAMP_MS",
        ["TimestampNs"] = "TIMESTAMP_NS",
        ["Interval"] = "INTERVAL",
        ["Uuid"] = "UUID",
    };

    public static string? FromReader(string readerName) => Plain.GetValueOrDefault(readerName);
}
