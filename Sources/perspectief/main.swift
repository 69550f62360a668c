print("perspectief")
