using Npgsql;

namespace TagMyStock.Web.Support;

/// <summary>
/// The PostgreSQL server <c>scripts/test</c> starts (its connection string in
/// <c>TAGMYSTOCK_TEST_POSTGRES</c>). Each test app gets a database of its own, dropped afterwards.
/// Without the variable, PostgreSQL cases are skipped, unless <c>TAGMYSTOCK_TEST_REQUIRE_POSTGRES=1</c>
/// (set by the test script) makes that a failure.
/// </summary>
internal static class TestPostgres
{
    private static string? Server => Environment.GetEnvironmentVariable("TAGMYSTOCK_TEST_POSTGRES");

    public static async Task<string> CreateDatabaseAsync(string name)
    {
        if (string.IsNullOrWhiteSpace(Server))
        {
            if (Environment.GetEnvironmentVariable("TAGMYSTOCK_TEST_REQUIRE_POSTGRES") == "1")
            {
                throw new InvalidOperationException("TAGMYSTOCK_TEST_POSTGRES is not set: run the tests through scripts/test, which starts PostgreSQL.");
            }

            Assert.Skip("PostgreSQL is not running: scripts/test starts it (or set TAGMYSTOCK_TEST_POSTGRES).");
        }

        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
