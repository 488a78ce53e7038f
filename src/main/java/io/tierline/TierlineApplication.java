package io.tierline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class TierlineApplication {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals(io.tierline.triage.TriageEvaluation.COMMAND)) {
			System.exit(io.tierline.triage.TriageEvaluation.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(TierlineApplication.class, args);
	}
}
