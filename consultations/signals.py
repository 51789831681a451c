"""The consultation desk's receivers (connected in ConsultationsConfig.ready)."""


def consultation_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """Keep ConsultationTopic equal to Consultation.topics: the one place that writes it.

    A save that does not write topics (status, assignee, first response) leaves the rows as
    they are. Fixtures (raw) bring their own rows, as dumpdata wrote them; bulk loaders add
    theirs with consultations.services.consultation_topic_rows (bulk_create sends no signal)."""
    if raw or (update_fields is not None and "topics" not in update_fields):
        return
    from consultations.services import sync_consultation_topics

    sync_consultation_topics(instance, created=created)
