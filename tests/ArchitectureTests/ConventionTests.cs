using DagMaster.ArchitectureTests.Violations.DomainModel;
using DagMaster.ArchitectureTests.Violations.Messages;
using DagMaster.ArchitectureTests.Violations.Persistence;
using DagMaster.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace DagMaster.ArchitectureTests;

/// <summary>
/// Naming and shape conventions for messages, handlers, validators and the domain model (style 6.1, 6.9, 6.11).
/// Each rule takes a scope of types: production code must pass it, and the fixtures in <c>Violations/</c> must
/// fail it for exactly the types built to break it.
/// </summary>
public sealed class ConventionTests : ArchitectureTestBase
{
    // Selectors. Every rule below applies Selected(...) to one of them, so no rule can pass vacuously.

    private static PredicateList Commands(PredicateList scope) =>
        scope.And().ImplementInterface(typeof(IBaseCommand)).And().AreNotInterfaces();

    private static PredicateList Queries(PredicateList scope) =>
        scope.And().ImplementInterface(typeof(IBaseQuery)).And().AreNotInterfaces();

    private static PredicateList CommandsAndQueries(PredicateList scope) =>
        scope.And().MeetCustomRule(new ReflectionRule(IsCommandOrQuery));

    private static PredicateList Handlers(PredicateList scope) =>
        scope.And().MeetCustomRule(new ReflectionRule(IsCommandOrQueryHandler));

    private static PredicateList Validators(PredicateList scope) =>
        scope.And().Inherit(typeof(AbstractValidator<>));

    private static PredicateList DomainEvents(PredicateList scope) =>
        scope.And().ImplementInterface(typeof(IDomainEvent)).And().AreNotInterfaces();

    private static PredicateList Aggregates(PredicateList scope) =>
        scope.And().ImplementInterface(typeof(IAggregateRoot)).And().AreNotInterfaces();

    // Commands and queries (style 6.1 rule 4: public sealed records implementing ICommand<T>/ICommand/IQuery<T>).

    public static ConditionList CommandsAreNamedCommand(PredicateList scope) =>
        Selected(Commands(scope)).Should().HaveNameEndingWith("Command");

    public static ConditionList TypesNamedCommandAreCommands(PredicateList scope) =>
        // ICommand is ICommand<Unit>; both are listed for the reader.
        Selected(scope.And().HaveNameEndingWith("Command"))
            .Should().ImplementInterface(typeof(ICommand<>)).Or().ImplementInterface(typeof(ICommand));

    public static ConditionList QueriesAreNamedQuery(PredicateList scope) =>
        Selected(Queries(scope)).Should().HaveNameEndingWith("Query");

    public static ConditionList TypesNamedQueryAreQueries(PredicateList scope) =>
        Selected(scope.And().HaveNameEndingWith("Query")).Should().ImplementInterface(typeof(IQuery<>));

    public static ConditionList CommandsAndQueriesAreSealed(PredicateList scope) =>
        Selected(CommandsAndQueries(scope)).Should().BeSealed();

    public static ConditionList CommandsAndQueriesHaveNoPublicMutableState(PredicateList scope) =>
        // Not BeImmutable(): it rejects the init-only properties of every positional record.
        Selected(CommandsAndQueries(scope)).Should().MeetCustomRule(new ReflectionRule(HasNoPublicMutableState));

    public static ConditionList NoTypeUsesRawRequests(PredicateList scope) =>
        // IRequest bypasses the commands-only UnitOfWorkBehaviour and says nothing about intent: use ICommand/IQuery.
        // IBaseRequest covers IRequest and IRequest<T>; IRequestHandler<,> covers IRequestHandler<T> too.
        Selected(scope).ShouldNot()
            .ImplementInterface(typeof(IBaseRequest)).Or().ImplementInterface(typeof(IRequestHandler<,>))
            .Or().ImplementInterface(typeof(IBaseStreamRequest)).Or().ImplementInterface(typeof(IStreamRequestHandler<,>));

    // Handlers (public for Mediator's generated code, sealed, named after what they handle).

    public static ConditionList HandlersArePublic(PredicateList scope) =>
        Selected(Handlers(scope)).Should().BePublic();

    public static ConditionList HandlersAreSealed(PredicateList scope) =>
        Selected(Handlers(scope)).Should().BeSealed();

    public static ConditionList CommandHandlersAreNamedCommandHandler(PredicateList scope) =>
        // ICommandHandler<T> (void commands) is ICommandHandler<T, Unit>, so this selects both.
        Selected(scope.And().ImplementInterface(typeof(ICommandHandler<,>))).Should().HaveNameEndingWith("CommandHandler");

    public static ConditionList QueryHandlersAreNamedQueryHandler(PredicateList scope) =>
        Selected(scope.And().ImplementInterface(typeof(IQueryHandler<,>))).Should().HaveNameEndingWith("QueryHandler");

    // Commands and queries are validated by the pipeline; a group commit's items (job submissions, worker reports)
    // are validated before they join a batch (ADR-0100). Either way the validator is named after what it validates.
    public static ConditionList ValidatorsAreNamedAfterWhatTheyValidate(PredicateList scope) =>
        Selected(Validators(scope)).Should().MeetCustomRule(new ReflectionRule(IsNamedAfterWhatItValidates));

    private static bool IsNamedAfterWhatItValidates(Type validator)
    {
        var type = validator;
        while (!(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>)))
        {
            type = type.BaseType!;
        }

        return validator.Name == type.GetGenericArguments()[0].Name + "Validator";
    }

    // Domain model.

    public static ConditionList DomainEventsAreNamedDomainEvent(PredicateList scope) =>
        Selected(DomainEvents(scope)).Should().HaveNameEndingWith("DomainEvent");

    public static ConditionList DomainEventsHaveNoPublicMutableState(PredicateList scope) =>
        Selected(DomainEvents(scope)).Should().MeetCustomRule(new ReflectionRule(HasNoPublicMutableState));

    public static ConditionList BusinessRulesAreNamedRule(PredicateList scope) =>
        Selected(scope.And().ImplementInterface(typeof(IBusinessRule)).And().AreNotInterfaces()).Should().HaveNameEndingWith("Rule");

    public static ConditionList AggregatesHaveNoPublicConstructors(PredicateList scope) =>
        // A static factory checks the invariants; EF Core uses a private constructor.
        Selected(Aggregates(scope)).Should().MeetCustomRule(new ReflectionRule(HasNoPublicConstructors));

    public static ConditionList AggregatesHaveNoPublicSetters(PredicateList scope) =>
        // Stricter than commands: init counts as a setter here (style 6.1 rule 5: private set).
        Selected(Aggregates(scope)).Should().MeetCustomRule(new ReflectionRule(HasNoPublicSetters));

    // EF Core configurations (style 6.8: one internal sealed <Aggregate>Configuration per aggregate).

    public static ConditionList EntityConfigurationsAreNotPublic(PredicateList scope) =>
        Selected(scope.And().ImplementInterface(typeof(IEntityTypeConfiguration<>))).Should().NotBePublic();

    public static ConditionList EntityConfigurationsAreSealed(PredicateList scope) =>
        Selected(scope.And().ImplementInterface(typeof(IEntityTypeConfiguration<>))).Should().BeSealed();

    public static ConditionList EntityConfigurationsAreNamedConfiguration(PredicateList scope) =>
        Selected(scope.And().ImplementInterface(typeof(IEntityTypeConfiguration<>))).Should().HaveNameEndingWith("Configuration");

    [Fact]
    public void CommandsAreNamedCommand_WhenAppliedToProduction_Passes() => ShouldPass(CommandsAreNamedCommand(ProductionTypes));

    [Fact]
    public void CommandsAreNamedCommand_WhenViolated_Fails() =>
        ShouldFailFor(CommandsAreNamedCommand(ViolationTypes), typeof(RenameThing));

    [Fact]
    public void TypesNamedCommandAreCommands_WhenAppliedToProduction_Passes() => ShouldPass(TypesNamedCommandAreCommands(ProductionTypes));

    [Fact]
    public void TypesNamedCommandAreCommands_WhenViolated_Fails() =>
        ShouldFailFor(TypesNamedCommandAreCommands(ViolationTypes), typeof(PurgeThingCommand));

    [Fact]
    public void QueriesAreNamedQuery_WhenAppliedToProduction_Passes() => ShouldPass(QueriesAreNamedQuery(ProductionTypes));

    [Fact]
    public void QueriesAreNamedQuery_WhenViolated_Fails() =>
        ShouldFailFor(QueriesAreNamedQuery(ViolationTypes), typeof(FindThings));

    [Fact]
    public void TypesNamedQueryAreQueries_WhenAppliedToProduction_Passes() => ShouldPass(TypesNamedQueryAreQueries(ProductionTypes));

    [Fact]
    public void TypesNamedQueryAreQueries_WhenViolated_Fails() =>
        ShouldFailFor(TypesNamedQueryAreQueries(ViolationTypes), typeof(LookupThingQuery));

    [Fact]
    public void CommandsAndQueriesAreSealed_WhenAppliedToProduction_Passes() => ShouldPass(CommandsAndQueriesAreSealed(ProductionTypes));

    [Fact]
    public void CommandsAndQueriesAreSealed_WhenViolated_Fails() =>
        ShouldFailFor(CommandsAndQueriesAreSealed(ViolationTypes), typeof(BadThingCommand), typeof(CountThingsQuery));

    [Fact]
    public void CommandsAndQueriesHaveNoPublicMutableState_WhenAppliedToProduction_Passes() =>
        ShouldPass(CommandsAndQueriesHaveNoPublicMutableState(ProductionTypes));

    [Fact]
    public void CommandsAndQueriesHaveNoPublicMutableState_WhenViolated_Fails() =>
        // GoodThingCommand and GetThingQuery are positional records: their init-only properties pass.
        ShouldFailFor(CommandsAndQueriesHaveNoPublicMutableState(ViolationTypes), typeof(BadThingCommand), typeof(CountThingsQuery));

    [Fact]
    public void NoTypeUsesRawRequests_WhenAppliedToProduction_Passes() => ShouldPass(NoTypeUsesRawRequests(ProductionTypes));

    [Fact]
    public void NoTypeUsesRawRequests_WhenViolated_Fails() =>
        ShouldFailFor(NoTypeUsesRawRequests(ViolationTypes), typeof(PurgeThingCommand), typeof(PurgeThingCommandHandler));

    [Fact]
    public void HandlersArePublic_WhenAppliedToProduction_Passes() => ShouldPass(HandlersArePublic(ProductionTypes));

    [Fact]
    public void HandlersArePublic_WhenViolated_Fails() =>
        ShouldFailFor(HandlersArePublic(ViolationTypes), typeof(FindThingsHandler));

    [Fact]
    public void HandlersAreSealed_WhenAppliedToProduction_Passes() => ShouldPass(HandlersAreSealed(ProductionTypes));

    [Fact]
    public void HandlersAreSealed_WhenViolated_Fails() =>
        ShouldFailFor(HandlersAreSealed(ViolationTypes), typeof(RenameThingCommandHandler));

    [Fact]
    public void CommandHandlersAreNamedCommandHandler_WhenAppliedToProduction_Passes() =>
        ShouldPass(CommandHandlersAreNamedCommandHandler(ProductionTypes));

    [Fact]
    public void CommandHandlersAreNamedCommandHandler_WhenViolated_Fails() =>
        ShouldFailFor(CommandHandlersAreNamedCommandHandler(ViolationTypes), typeof(BadThingProcessor));

    [Fact]
    public void QueryHandlersAreNamedQueryHandler_WhenAppliedToProduction_Passes() =>
        ShouldPass(QueryHandlersAreNamedQueryHandler(ProductionTypes));

    [Fact]
    public void QueryHandlersAreNamedQueryHandler_WhenViolated_Fails() =>
        ShouldFailFor(QueryHandlersAreNamedQueryHandler(ViolationTypes), typeof(FindThingsHandler));

    [Fact]
    public void ValidatorsAreNamedAfterWhatTheyValidate_WhenAppliedToProduction_Passes()
    {
        SkipUntilAnyExist(
            Validators(ProductionTypes),
            "No validators yet; the rule is proven by ValidatorsAreNamedAfterWhatTheyValidate_WhenViolated_Fails.");
        ShouldPass(ValidatorsAreNamedAfterWhatTheyValidate(ProductionTypes));
    }

    [Fact]
    public void ValidatorsAreNamedAfterWhatTheyValidate_WhenViolated_Fails() =>
        ShouldFailFor(ValidatorsAreNamedAfterWhatTheyValidate(ViolationTypes), typeof(BadThingChecks));

    [Fact]
    public void DomainEventsAreNamedDomainEvent_WhenAppliedToProduction_Passes()
    {
        // Runs, with Selected(...), as soon as the first domain event exists.
        SkipUntilAnyExist(
            DomainEvents(ProductionTypes),
            "No domain events yet; the rule is proven by DomainEventsAreNamedDomainEvent_WhenViolated_Fails.");
        ShouldPass(DomainEventsAreNamedDomainEvent(ProductionTypes));
    }

    [Fact]
    public void DomainEventsAreNamedDomainEvent_WhenViolated_Fails() =>
        ShouldFailFor(DomainEventsAreNamedDomainEvent(ViolationTypes), typeof(ThingRenamed));

    [Fact]
    public void DomainEventsHaveNoPublicMutableState_WhenAppliedToProduction_Passes()
    {
        SkipUntilAnyExist(
            DomainEvents(ProductionTypes),
            "No domain events yet; the rule is proven by DomainEventsHaveNoPublicMutableState_WhenViolated_Fails.");
        ShouldPass(DomainEventsHaveNoPublicMutableState(ProductionTypes));
    }

    [Fact]
    public void DomainEventsHaveNoPublicMutableState_WhenViolated_Fails() =>
        // ThingCreatedDomainEvent is a positional record: init-only properties pass.
        ShouldFailFor(DomainEventsHaveNoPublicMutableState(ViolationTypes), typeof(ThingDeletedDomainEvent));

    [Fact]
    public void BusinessRulesAreNamedRule_WhenAppliedToProduction_Passes() => ShouldPass(BusinessRulesAreNamedRule(ProductionTypes));

    [Fact]
    public void BusinessRulesAreNamedRule_WhenViolated_Fails() =>
        ShouldFailFor(BusinessRulesAreNamedRule(ViolationTypes), typeof(ThingMustHaveOwner));

    [Fact]
    public void AggregatesHaveNoPublicConstructors_WhenAppliedToProduction_Passes() =>
        ShouldPass(AggregatesHaveNoPublicConstructors(ProductionTypes));

    [Fact]
    public void AggregatesHaveNoPublicConstructors_WhenViolated_Fails() =>
        ShouldFailFor(AggregatesHaveNoPublicConstructors(ViolationTypes), typeof(BadThing));

    [Fact]
    public void AggregatesHaveNoPublicSetters_WhenAppliedToProduction_Passes() =>
        ShouldPass(AggregatesHaveNoPublicSetters(ProductionTypes));

    [Fact]
    public void AggregatesHaveNoPublicSetters_WhenViolated_Fails() =>
        ShouldFailFor(AggregatesHaveNoPublicSetters(ViolationTypes), typeof(BadThing), typeof(InitOnlyThing));

    [Fact]
    public void EntityConfigurationsAreNotPublic_WhenAppliedToProduction_Passes() =>
        ShouldPass(EntityConfigurationsAreNotPublic(ProductionTypes));

    [Fact]
    public void EntityConfigurationsAreNotPublic_WhenViolated_Fails() =>
        ShouldFailFor(EntityConfigurationsAreNotPublic(ViolationTypes), typeof(BadThingMapping));

    [Fact]
    public void EntityConfigurationsAreSealed_WhenAppliedToProduction_Passes() =>
        ShouldPass(EntityConfigurationsAreSealed(ProductionTypes));

    [Fact]
    public void EntityConfigurationsAreSealed_WhenViolated_Fails() =>
        ShouldFailFor(EntityConfigurationsAreSealed(ViolationTypes), typeof(BadThingMapping));

    [Fact]
    public void EntityConfigurationsAreNamedConfiguration_WhenAppliedToProduction_Passes() =>
        ShouldPass(EntityConfigurationsAreNamedConfiguration(ProductionTypes));

    [Fact]
    public void EntityConfigurationsAreNamedConfiguration_WhenViolated_Fails() =>
        ShouldFailFor(EntityConfigurationsAreNamedConfiguration(ViolationTypes), typeof(BadThingMapping));
}
