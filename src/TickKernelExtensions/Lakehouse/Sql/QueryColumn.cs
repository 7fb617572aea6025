namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>One column of a query result: its name and its SQL type as the engine names it (e.g. <c>decimal(10, 2)</c>).</summary>
public sealed record QueryColumn(string Name, string Type);
