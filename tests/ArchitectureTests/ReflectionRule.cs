using System.Reflection;
using Mono.Cecil;
using NetArchTest.Rules;

namespace DagMaster.ArchitectureTests;

/// <summary>
/// Runs a reflection predicate as a NetArchTest custom rule, so reflection checks (no public mutable state,
/// no public constructors, …) report through the same <see cref="ConditionList"/> and failing-type list
/// as every other rule.
/// </summary>
public sealed class ReflectionRule(Func<Type, bool> predicate) : ICustomRule
{
    public bool MeetsRule(TypeDefinition type) => predicate(ToRuntimeType(type));

    private static Type ToRuntimeType(TypeDefinition type)
    {
        var assembly = Assembly.Load(new AssemblyName(type.Module.Assembly.FullName));
        // Cecil separates nested types with '/', reflection with '+'.
        return assembly.GetType(type.FullName.Replace('/', '+'), throwOnError: true)!;
    }
}
