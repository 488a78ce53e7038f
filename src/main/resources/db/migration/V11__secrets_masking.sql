-- SPEC §6, §11, issue 5: secrets in inbound text are masked before it is stored. Beside the
-- masked text we keep which kinds of secret were replaced (e.g. 'API_KEY,CARD_NUMBER'), never
-- a value, so the ticket can show that something was masked and what kind.
alter table tickets add column masked_kinds varchar(300);
alter table messages add column masked_kinds varchar(300);
alter table attachments add column masked_kinds varchar(300);
