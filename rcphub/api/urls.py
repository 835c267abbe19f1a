from ninja import NinjaAPI

api = NinjaAPI(title="rcphub API", version="1", urls_namespace="api")
