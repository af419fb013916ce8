package org.manfadh;

import org.manfadh.document.cli.MrzCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ManfadhApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("mrz")) {
            // A command-line tool: no server, no database, nothing on standard output but its results.
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(MrzCommand.run(rest, System.in, System.out, System.err));
        }
        SpringApplication.run(ManfadhApplication.class, args);
    }
}
