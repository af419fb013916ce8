package org.manfadh;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ManfadhApplication {

    public static void main(String[] args) {
        SpringApplication.run(ManfadhApplication.class, args);
    }
}
