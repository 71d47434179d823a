using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Consultations.Host.Infrastructure;

/// <summary>The &lt;summary&gt; of a method from the XML documentation file its assembly is built with, as one line of text.</summary>
public static partial class XmlDocs
{
    private static readonly Dictionary<Assembly, Dictionary<string, string>> Files = [];

    public static string? Summary(MethodInfo method)
    {
        var members = Members(method.Module.Assembly);
        var type = method.DeclaringType?.FullName?.Replace('+', '.');
        if (type is null) return null;
        var name = $"M:{type}.{method.Name}";
        var parameters = method.GetParameters();
        var exact = parameters.Length == 0 ? name : $"{name}({string.Join(",", parameters.Select(p => DocName(p.ParameterType)))})";
        if (members.TryGetValue(exact, out var summary)) return summary;
        var candidates = members.Where(m => m.Key == name || m.Key.StartsWith(name + "(", StringComparison.Ordinal)).ToList();
        return candidates.Count == 1 ? candidates[0].Value : null;
    }

    /// <summary>A parameter type as the compiler names it in the documentation file's member ids.</summary>
    private static string DocName(Type type)
    {
        if (type.IsByRef) return DocName(type.GetElementType()!) + "@";
        if (type.IsArray) return DocName(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return (type.FullName ?? type.Name).Replace('+', '.');
        var definition = type.GetGenericTypeDefinition().FullName ?? type.Name;
        definition = definition[..definition.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.');
        return $"{definition}{{{string.Join(",", type.GetGenericArguments().Select(DocName))}}}";
    }

    private static Dictionary<string, string> Members(Assembly assembly)
    {
        lock (Files)
        {
            if (Files.TryGetValue(assembly, out var known)) return known;
            var members = new Dictionary<string, string>();
            var file = Path.ChangeExtension(assembly.Location, ".xml");
            if (File.Exists(file))
            {
                foreach (var member in XDocument.Load(file).Descendants("member"))
                {
                    var summary = member.Element("summary");
                    if (member.Attribute("name")?.Value is not { } key || summary is null) continue;
                    var text = string.Concat(summary.DescendantNodes().Select(n => n switch
                    {
                        XText t => t.Value,
                        XElement { Name.LocalName: "see" or "seealso" } e => Cref(e),
                        _ => "",
                    }));
                    text = Spaces().Replace(text, " ").Trim();
                    if (text.Length > 0) members[key] = text;
                }
            }

            Files[assembly] = members;
            return members;
        }
    }

    private static string Cref(XElement e) =>
        e.Value.Length > 0 ? e.Value : (e.Attribute("cref")?.Value ?? e.Attribute("langword")?.Value ?? "").Split('.', ':').Last();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
