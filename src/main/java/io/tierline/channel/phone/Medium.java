package io.tierline.channel.phone;

/** How the requester reached support: by a call or by text message. */
enum Medium {
	CALL, SMS
}
