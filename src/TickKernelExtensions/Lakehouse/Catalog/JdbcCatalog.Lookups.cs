using System.Data.Common;

namespace TickKernelExtensions.Lakehouse.Catalog;

// Table lookups (TryLoadTableAsync, LoadTableAsync, TableExistsAsync) run on a few connections kept open with the
// lookup statement prepared, instead of taking a connection from the pool, setting it up and compiling the SELECT each
// time: a SQL query looks a table up on every run, and that was most of its catalog time. Each lookup is its own
// autocommit statement, so it reads the latest committed pointer (SQLite in WAL mode starts a read transaction per
// statement, PostgreSQL reads committed): another writer's commit is seen by the next lookup, as before. A session
// whose statement fails (a restarted server, a dropped connection) is closed and the lookup runs on a fresh connection.
public sealed partial class JdbcCatalog
{
    private const int LookupSessions = 4;
    private readonly Stack<LookupSession> _lookups = new();
    private readonly Lock _lookupLock = new();
    private bool _disposed;

    private async Task<CatalogTableEntry?> LookupAsync(TableIdentifier table, CancellationToken cancellationToken)
    {
        LookupSession? session;
        lock (_lookupLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _lookups.TryPop(out session);
        }
        if (session is null)
        {
            var connection = await _dialect.OpenAsync(cancellationToken);
            try
            {
                var command = Command(connection, CatalogSql.GetTable, table);
                command.Prepare();
                session = new LookupSession(connection, command);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
        CatalogTableEntry? entry;
        try
        {
            session.Command.Parameters["catalog"].Value = Name;
            session.Command.Parameters["namespace"].Value = table.Namespace;
            session.Command.Parameters["name"].Value = table.Name;
            entry = await ReadEntryAsync(session.Command, table, cancellationToken);
        }
        catch (DbException)
        {
            await session.DisposeAsync();
            await using var connection = await _dialect.OpenAsync(cancellationToken);
            return await FindAsync(connection, table, cancellationToken);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
        var keep = false;
        lock (_lookupLock)
        {
            if (!_disposed && _lookups.Count < LookupSessions)
            {
                _lookups.Push(session);
                keep = true;
            }
        }
        if (!keep)
        {
            await session.DisposeAsync();
        }
        return entry;
    }

    private async ValueTask CloseLookupsAsync()
    {
        List<LookupSession> sessions;
        lock (_lookupLock)
        {
            _disposed = true;
            sessions = [.. _lookups];
            _lookups.Clear();
        }
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
    }

    private sealed class LookupSession(DbConnection connection, DbCommand command) : IAsyncDisposable
    {
        public DbCommand Command { get; } = command;

        public async ValueTask DisposeAsync()
        {
            await Command.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
