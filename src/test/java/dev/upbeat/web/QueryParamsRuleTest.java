package dev.upbeat.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.javalin.http.Context;

/** Every API reads its query parameters through {@link Params}, so {@code ?status=} means "not given" everywhere. */
@AnalyzeClasses(packages = "dev.upbeat", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryParamsRuleTest {

    @ArchTest
    static final ArchRule apis_read_query_parameters_through_params = noClasses()
            .that().haveSimpleNameEndingWith("Api").should().callMethod(Context.class, "queryParam", String.class)
            .because("an empty query parameter (as in ?q=&channel=) must mean 'not given' in every API, as Params.query does");
}
