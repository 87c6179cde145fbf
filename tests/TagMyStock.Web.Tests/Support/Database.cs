namespace TagMyStock.Web.Support;

/// <summary>The databases integration tests run against: every such test is a theory over both.</summary>
public enum Database
{
    Sqlite,
    Postgres,
}

/// <summary>Theory data: both databases. PostgreSQL comes from <c>scripts/start-postgres</c>.</summary>
public sealed class Databases : TheoryData<Database>
{
    public Databases()
    {
        Add(Database.Sqlite);
        Add(Database.Postgres);
    }
}
