print("tuopin")
