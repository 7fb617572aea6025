namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// The statements of Iceberg's JDBC catalog (<c>JdbcUtil</c>, schema V1), with named parameters. Every value is a
/// parameter; the only text spliced into SQL is these constants.
/// </summary>
internal static class CatalogSql
{
    public const string TablesTable = "iceberg_tables";
    public const string PropertiesTable = "iceberg_namespace_properties";
    public const string ExistsProperty = "exists";

    /// <summary><c>JdbcUtil.V0_CREATE_CATALOG_SQL</c> with the V1 <c>iceberg_type</c> column.</summary>
    public const string CreateTables =
        "CREATE TABLE iceberg_tables (" +
        "catalog_name VARCHAR(255) NOT NULL, " +
        "table_namespace VARCHAR(255) NOT NULL, " +
        "table_name VARCHAR(255) NOT NULL, " +
        "metadata_location VARCHAR(1000), " +
        "previous_metadata_location VARCHAR(1000), " +
        "iceberg_type VARCHAR(5), " +
        "PRIMARY KEY (catalog_name, table_namespace, table_name))";

    /// <summary><c>JdbcUtil.V1_UPDATE_CATALOG_SQL</c>: a V0 catalog becomes V1.</summary>
    public const string UpgradeTablesToV1 = "ALTER TABLE iceberg_tables ADD COLUMN iceberg_type VARCHAR(5)";

    /// <summary><c>JdbcUtil.CREATE_NAMESPACE_PROPERTIES_TABLE_SQL</c>.</summary>
    public const string CreateProperties =
        "CREATE TABLE iceberg_namespace_properties (" +
        "catalog_name VARCHAR(255) NOT NULL, " +
        "namespace VARCHAR(255) NOT NULL, " +
        "property_key VARCHAR(255), " +
        "property_value VARCHAR(1000), " +
        "PRIMARY KEY (catalog_name, namespace, property_key))";

    private const string IsTable = "(iceberg_type = 'TABLE' OR iceberg_type IS NULL)";

    public const string GetTable =
        "SELECT metadata_location, previous_metadata_location FROM iceberg_tables " +
        "WHERE catalog_name = @catalog AND table_namespace = @namespace AND table_name = @name AND " + IsTable;

    public const string ListTables =
        "SELECT table_name FROM iceberg_tables WHERE catalog_name = @catalog AND table_namespace = @namespace AND " + IsTable;

    public const string CreateTable =
        "INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, previous_metadata_location, iceberg_type) " +
        "VALUES (@catalog, @namespace, @name, @location, NULL, 'TABLE')";

    /// <summary><c>JdbcUtil.V1_DO_COMMIT_TABLE_SQL</c>: the compare-and-swap on <c>metadata_location</c>.</summary>
    public const string CommitTable =
        "UPDATE iceberg_tables SET metadata_location = @new, previous_metadata_location = @old " +
        "WHERE catalog_name = @catalog AND table_namespace = @namespace AND table_name = @name " +
        "AND metadata_location = @old AND " + IsTable;

    public const string DropTable =
        "DELETE FROM iceberg_tables WHERE catalog_name = @catalog AND table_namespace = @namespace AND table_name = @name AND " + IsTable;

    public const string RenameTable =
        "UPDATE iceberg_tables SET table_namespace = @newNamespace, table_name = @newName " +
        "WHERE catalog_name = @catalog AND table_namespace = @namespace AND table_name = @name AND " + IsTable;

    /// <summary>Any row (table or view) with that identifier, whatever its type: a view blocks a table of the same name.</summary>
    public const string AnyEntry =
        "SELECT iceberg_type FROM iceberg_tables WHERE catalog_name = @catalog AND table_namespace = @namespace AND table_name = @name";

    /// <summary>Is there a table in the namespace or below it (<c>JdbcUtil.GET_NAMESPACE_SQL</c>, prefix by <c>substr</c> instead of LIKE).</summary>
    public const string NamespaceHasTables =
        "SELECT 1 FROM iceberg_tables WHERE catalog_name = @catalog " +
        "AND (table_namespace = @namespace OR substr(table_namespace, 1, @prefixLength) = @prefix) LIMIT 1";

    public const string NamespaceHasProperties =
        "SELECT 1 FROM iceberg_namespace_properties WHERE catalog_name = @catalog " +
        "AND (namespace = @namespace OR substr(namespace, 1, @prefixLength) = @prefix) LIMIT 1";

    public const string AllNamespaces =
        "SELECT DISTINCT table_namespace FROM iceberg_tables WHERE catalog_name = @catalog " +
        "UNION SELECT DISTINCT namespace FROM iceberg_namespace_properties WHERE catalog_name = @catalog";

    public const string GetProperties =
        "SELECT property_key, property_value FROM iceberg_namespace_properties WHERE catalog_name = @catalog AND namespace = @namespace";

    public const string InsertProperty =
        "INSERT INTO iceberg_namespace_properties (catalog_name, namespace, property_key, property_value) " +
        "VALUES (@catalog, @namespace, @key, @value)";

    public const string DeleteProperty =
        "DELETE FROM iceberg_namespace_properties WHERE catalog_name = @catalog AND namespace = @namespace AND property_key = @key";

    public const string DeleteAllProperties =
        "DELETE FROM iceberg_namespace_properties WHERE catalog_name = @catalog AND namespace = @namespace";
}
