using Microsoft.Extensions.Logging;

namespace TickKernelExtensions.Lakehouse.Catalog;

public sealed partial class JdbcCatalog
{
    /// <inheritdoc />
    public async Task CommitAsync(TableIdentifier table, string expectedLocation, string newLocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        CatalogNames.ValidateLocation(expectedLocation, "expected metadata location", table);
        CatalogNames.ValidateLocation(newLocation, "new metadata location", table);
        if (string.Equals(expectedLocation, newLocation, StringComparison.Ordinal))
        {
            throw new CatalogException(CatalogErrorKind.InvalidLocation,
                $"Commit to table '{table}': the new metadata location equals the expected one; every commit writes a new metadata file")
            {
                Identifier = table.ToString(),
                Expected = $"a location other than '{expectedLocation}'",
                Actual = newLocation,
            };
        }
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        using (var command = Command(connection, CatalogSql.CommitTable, table))
        {
            AddParameter(command, "old", expectedLocation);
            AddParameter(command, "new", newLocation);
            // Not cancellable once sent: a cancelled UPDATE would leave the caller unsure whether it committed.
            if (await command.ExecuteNonQueryAsync(CancellationToken.None) == 1)
            {
                _logger.LogDebug("Committed {Table}: {Old} -> {New}", table, expectedLocation, newLocation);
                return;
            }
        }
        var current = await FindAsync(connection, table, cancellationToken) ?? throw TableNotFound(table);
        _logger.LogDebug("Commit to {Table} lost its race: expected {Expected}, found {Current}", table, expectedLocation, current.MetadataLocation);
        throw new CommitConflictException(table, expectedLocation, current.MetadataLocation);
    }

    /// <inheritdoc />
    public async Task<CommitResult> CommitWithRetryAsync(
        TableIdentifier table, Func<string, CancellationToken, Task<string>> attempt, CommitRetryOptions? retry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(attempt);
        retry ??= _options.CommitRetry;
        retry.Validate();
        var current = (await LoadTableAsync(table, cancellationToken)).MetadataLocation;
        var abandoned = new List<string>();
        for (var n = 1; ; n++)
        {
            var proposed = await attempt(current, cancellationToken);
            try
            {
                await CommitAsync(table, current, proposed, cancellationToken);
                if (n > 1)
                {
                    _logger.LogInformation("Committed {Table} after {Attempts} attempts", table, n);
                }
                return new CommitResult(table, current, proposed, n, abandoned);
            }
            catch (CommitConflictException conflict)
            {
                abandoned.Add(proposed);
                if (n >= retry.MaxAttempts)
                {
                    throw new CatalogException(CatalogErrorKind.CommitRetriesExhausted,
                        $"Commit to table '{table}' in catalog '{Name}' lost its race {n} time(s); nothing was committed", conflict)
                    {
                        Identifier = table.ToString(),
                        Expected = $"a commit within {retry.MaxAttempts} attempt(s)",
                        Actual = conflict.CurrentLocation,
                    };
                }
                current = conflict.CurrentLocation;
                var wait = retry.Backoff(n, Random.Shared);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _options.Time, cancellationToken);
                }
            }
        }
    }
}
