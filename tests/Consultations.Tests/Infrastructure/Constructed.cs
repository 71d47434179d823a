using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Consultations.Tests.Infrastructure;

/// <summary>
/// The types whose instances a method's compiled body creates (<c>newobj</c>), read from its IL, with the bodies of its
/// async state machine and of the lambdas and local functions of its type: what a route or a form sends, without running it.
/// </summary>
public static class Constructed
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>What <paramref name="method"/> creates, its async body included.</summary>
    public static IEnumerable<Type> By(MethodInfo method)
    {
        IEnumerable<MethodBase> bodies = [method];
        if (method.GetCustomAttribute<AsyncStateMachineAttribute>() is { } machine) bodies = bodies.Concat(machine.StateMachineType.GetMethods(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public));
        return bodies.SelectMany(Read).Distinct();
    }

    /// <summary>What any method of <paramref name="type"/> or of the types nested in it creates.</summary>
    public static IEnumerable<Type> ByType(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(ByType)
            .Concat(type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).SelectMany(Read))
            .Concat(type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).SelectMany(Read))
            .Distinct();

    private static IEnumerable<Type> Read(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code == OpCodes.Newobj && method.Module.ResolveMethod(BitConverter.ToInt32(il, at), Generics(method.DeclaringType), Generics(method)) is { DeclaringType: { } created })
                yield return created;
            at += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
        }
    }

    private static Type[]? Generics(Type? type) => type is { IsGenericType: true } ? type.GetGenericArguments() : null;

    private static Type[]? Generics(MethodBase method) => method.IsGenericMethod ? method.GetGenericArguments() : null;
}
