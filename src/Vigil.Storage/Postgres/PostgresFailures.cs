using System.Net.Sockets;
using Npgsql;

namespace Vigil.Storage.Postgres;

/// <summary>
/// Turns what Npgsql reports (server down, wrong password, missing database, full disk) into the one line an operator
/// acts on, naming host:port and the database, never the connection string (it may carry the password).
/// </summary>
internal static class PostgresFailures
{
    private const string Setting = "[store] connection_string (or VIGIL_STORE__CONNECTION_STRING)";

    /// <summary>The store error for <paramref name="failure"/>, or null when it is not a PostgreSQL failure (a bug stays a bug).</summary>
    public static StoreException? Describe(Exception failure, PostgresTarget target)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return Say(pg, target) is { } line ? new StoreException(line, failure) : null;
                case NpgsqlException npgsql:
                    return new StoreException(Unreachable(npgsql, target), failure);
                case TimeoutException:
                    return new StoreException($"PostgreSQL at {target.Endpoint} did not answer in time; check that the server runs and is reachable from here (firewall, {Setting} Host and Port).", failure);
            }
        }

        return null;
    }

    /// <summary>The line for a server error the operator can fix (connection, login, resources, permissions), else null.</summary>
    private static string? Say(PostgresException pg, PostgresTarget target) => pg.SqlState switch
    {
        "28P01" or "28000" => $"PostgreSQL at {target.Endpoint} refused the login of user '{target.User}' ({pg.MessageText}); check Username and Password in {Setting} and the server's pg_hba.conf.",
        "3D000" => $"PostgreSQL at {target.Endpoint} has no database '{target.Database}'; create it (createdb {target.Database}) or fix Database in {Setting}.",
        "42501" => $"PostgreSQL at {target.Endpoint} denied user '{target.User}' on database '{target.Database}' ({pg.MessageText}); grant it CREATE and USAGE on the schema (Vigil creates its own tables).",
        "53100" => $"The disk of PostgreSQL at {target.Endpoint} is full ({pg.MessageText}); nothing was stored by this run. Free space on the server and run again.",
        "53300" => $"PostgreSQL at {target.Endpoint} has no free connection ({pg.MessageText}); raise max_connections or lower the number of Vigil instances, and run again.",
        "57P01" or "57P02" or "57P03" => $"PostgreSQL at {target.Endpoint} is shutting down or starting ({pg.MessageText}); wait for it to accept connections and run again.",
        _ when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal) =>
            $"PostgreSQL at {target.Endpoint}, database '{target.Database}', failed ({pg.SqlState} {pg.MessageText}); check the server and run again.",
        _ => null,
    };

    private static string Unreachable(NpgsqlException failure, PostgresTarget target)
    {
        var socket = FindSocketError(failure);
        var why = socket switch
        {
            SocketError.ConnectionRefused => "connection refused: is the server running and listening on that port?",
            SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "the host name does not resolve",
            SocketError.TimedOut => "the connection timed out: is a firewall in the way?",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => "the host is unreachable from here",
            _ => failure.Message.TrimEnd('.'),
        };
        return $"Cannot reach PostgreSQL at {target.Endpoint} ({why}); check that the server runs and {Setting} Host and Port.";
    }

    private static SocketError? FindSocketError(Exception failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    /// <summary>Runs a store operation with PostgreSQL's failures turned into the store's one-line errors.</summary>
    public static async Task<T> Guard<T>(PostgresTarget target, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Describe(ex, target) is { } failure)
        {
            throw failure;
        }
    }
}
