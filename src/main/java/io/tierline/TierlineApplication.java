package io.tierline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class TierlineApplication {

	public static void main(String[] args) {
		SpringApplication.run(TierlineApplication.class, args);
	}
}
