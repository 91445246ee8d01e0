package dev.ccr.tools;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * The Camel CLI's entry point. camel-jbang-core's {@link CamelJBangMain} has no {@code main} method of its own (JBang
 * and camel-launcher normally provide one), so this one hands every argument to {@link CamelJBangMain#run}.
 */
public final class CamelCli {
    private CamelCli() {
    }

    public static void main(String... args) {
        CamelJBangMain.run(args);
    }
}
