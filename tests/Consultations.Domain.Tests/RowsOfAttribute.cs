using System.Collections;
using System.Reflection;
using Xunit.Sdk;

namespace Consultations.Domain.Tests;

/// <summary>
/// A theory's rows: the keys of the test class's static dictionary named here, each a test of its own under its key
/// (strings, so the runner lists every row), while the dictionary holds what the row varies (a command, say).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RowsOfAttribute(string table) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var property = testMethod.DeclaringType!.GetProperty(table, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new ArgumentException($"{testMethod.DeclaringType.Name} has no static property {table}.", nameof(testMethod));
        var rows = ((IDictionary)property.GetValue(null)!).Keys.Cast<string>().Select(key => new object[] { key }).ToList();
        return rows.Count > 0 ? rows : throw new ArgumentException($"{testMethod.DeclaringType.Name}.{table} has no rows.", nameof(testMethod));
    }
}
