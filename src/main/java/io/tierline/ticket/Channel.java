package io.tierline.ticket;

/** How a ticket arrived (SPEC §2). */
public enum Channel {
	EMAIL, CHAT, WEB, PHONE, SMS, API
}
