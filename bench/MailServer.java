import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP + IMAP server (GreenMail) for bench/mail.sh: java -cp GREENMAIL_CLASSPATH bench/MailServer.java SMTP_PORT IMAP_PORT USER PASSWORD
 * Runs until killed.
 */
public class MailServer {

	public static void main(String[] args) throws Exception {
		GreenMail mail = new GreenMail(new ServerSetup[] { new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", "smtp"),
				new ServerSetup(Integer.parseInt(args[1]), "127.0.0.1", "imap") });
		mail.start();
		mail.setUser(args[2], args[2], args[3]);
		System.out.println("GreenMail up: smtp " + args[0] + ", imap " + args[1]);
		Thread.currentThread().join();
	}
}
